package privrec.client.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static privrec.client.vault.VaultFixture.PASSWORD;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored record's size reveals the number of ratings only as a power-of-two bucket. */
class PaddingTest {
    private final VaultFixture f = new VaultFixture();

    @Test
    void bucketsArePowersOfTwoFrom4KiB() {
        assertEquals(4096, Padding.bucket(0));
        assertEquals(4096, Padding.bucket(4096));
        assertEquals(8192, Padding.bucket(4097));
        assertEquals(16384, Padding.bucket(9000));
        assertEquals(1 << 20, Padding.bucket((1 << 20) - 1));
    }

    @Test
    void paddingIsJsonWhitespaceSoThePlaintextStillDecodes() {
        byte[] plain = PlaintextFormat.write(VaultFixture.sample());
        byte[] padded = Padding.pad(plain);
        assertEquals(4096, padded.length);
        assertEquals(VaultFixture.sample(), PlaintextFormat.read(padded, PlaintextFormat.CURRENT_VERSION));
    }

    @Test
    void recordLengthIsTheSameForZeroAndFortyRatingsAndGrowsOnlyAtBucketEdges() {
        UnlockedVault vault = f.store.create("alice", PASSWORD);
        List<Integer> lengths = new ArrayList<>();
        lengths.add(storedLength());
        for (int id = 1; id <= 200; id++) {
            int movie = id;
            vault.update(c -> c.withRating(new RatedMovie(movie, 3.5f, 1_700_000_000_000d + movie)));
            lengths.add(storedLength());
        }
        assertEquals(lengths.get(0), lengths.get(40), "0 and 40 ratings look the same");
        List<Integer> distinct = lengths.stream().distinct().toList();
        assertEquals(3, distinct.size(), "200 ratings span only the 4, 8 and 16 KiB buckets: " + distinct);
        int perRating = PlaintextFormat.write(vault.contents()).length / 200;
        assertTrue(perRating >= 60 && perRating <= 100, "the bytes per rating the Padding javadoc counts on: " + perRating);
    }

    private int storedLength() {
        String text = f.storage.get("privrec.vault.alice");
        // Only the ciphertext grows; the other fields keep their lengths except the revision's digits.
        return ((String) privrec.core.Json.parseObject(text, "a").get("ciphertext")).length();
    }
}
