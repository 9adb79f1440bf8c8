package privrec.client.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;
import privrec.core.Profile;

/** A store over in-memory doubles with real JDK crypto at a low iteration count (fast, same algorithms). */
final class VaultFixture {
    static final int TEST_ITERATIONS = 1_000;
    static final String PASSWORD = "correct horse";

    final InMemoryKeyValueStorage storage = new InMemoryKeyValueStorage();
    final JdkVaultCrypto crypto = new JdkVaultCrypto();
    final SerialLocks locks = new SerialLocks();
    /** Rollback tests wait this long for a "stale" read to catch up; in memory nothing is ever stale. */
    static final int TEST_FRESH_READ_WAIT_MILLIS = 20;
    final LocalVaultStore store = new LocalVaultStore(storage, crypto, locks, new StorageRevisionLedger(storage),
            TEST_ITERATIONS, TEST_FRESH_READ_WAIT_MILLIS);

    /** Another tab on the same storage. */
    LocalVaultStore otherTab() {
        InMemoryKeyValueStorage tab = storage.newTab();
        return new LocalVaultStore(tab, crypto, new SerialLocks(), new StorageRevisionLedger(tab), TEST_ITERATIONS,
                TEST_FRESH_READ_WAIT_MILLIS);
    }

    /** Contents with distinctive strings, so tests can look for them in storage. */
    static VaultContents sample() {
        return VaultContents.EMPTY
                .withProfile(new Profile(34, "F", "librarian"))
                .withRating(new RatedMovie(50, 4.5f, 1_731_234_567_890d, "Star Wars", 1977))
                .withRating(new RatedMovie(181, 2f, 1_731_234_600_000d))
                .withDismissed(1)
                .withSetting("theme", "zebra-stripes");
    }

    UnlockedVault createWithSample(String name) {
        UnlockedVault vault = store.create(name, PASSWORD);
        vault.save(sample());
        return vault;
    }

    static VaultException expect(VaultException.Kind kind, Executable action) {
        VaultException e = assertThrows(VaultException.class, action);
        assertEquals(kind, e.kind(), e.getMessage());
        return e;
    }

    /** The stored record of {@code name} with one JSON field replaced (parsed and rewritten). */
    String withField(String name, String field, Object value) {
        Map<String, Object> map = privrec.core.Json.parseObject(storage.get(LocalVaultStore.storageKey(name)), name);
        map.put(field, value);
        return privrec.core.Json.write(map);
    }

    /** A complete record of a vault "x" whose salt is not valid base64. */
    String recordWithBadBase64() {
        store.create("x", PASSWORD);
        String text = withField("x", "salt", "@@not base64@@");
        store.reset("x");
        return text;
    }

    static List<String> sampleSecrets() {
        return List.of("librarian", "zebra-stripes", "theme", "\"F\"", "1731234567890", "4.5", "movie", "stars");
    }
}
