package privrec.client.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static privrec.client.vault.VaultFixture.PASSWORD;
import static privrec.client.vault.VaultFixture.expect;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import privrec.core.Json;
import privrec.core.Profile;

/**
 * Vaults written in format 1 (before settings existed) and 2 (before ratings kept their titles) still open, and
 * are saved as the current format.
 */
class PlaintextMigrationTest {
    private final VaultFixture f = new VaultFixture();

    /** Builds the stored text a version-1 app would have written, by hand, with no help from the writer. */
    private String handcraftedVersionOneRecord(String name, String plaintextJson) {
        return handcraftedRecord(1, name, plaintextJson);
    }

    private String handcraftedRecord(int version, String name, String plaintextJson) {
        VaultCrypto crypto = f.crypto;
        byte[] salt = crypto.randomBytes(16);
        VaultCrypto.Key key = crypto.deriveKey(PASSWORD, salt, VaultFixture.TEST_ITERATIONS);
        byte[] checkIv = crypto.randomBytes(12);
        byte[] check = crypto.encrypt(key, checkIv, "[\"privrec-vault-check\"]".getBytes(StandardCharsets.UTF_8),
                "privrec-vault password check".getBytes(StandardCharsets.UTF_8));
        byte[] iv = crypto.randomBytes(12);
        byte[] aad = ("[\"privrec-vault\", " + version + ", \"" + name + "\", 3]").getBytes(StandardCharsets.UTF_8);
        byte[] ciphertext = crypto.encrypt(key, iv, aad, plaintextJson.getBytes(StandardCharsets.UTF_8));
        return "{\"format\": \"privrec-vault\", \"version\": " + version + ", \"kdf\": \"PBKDF2-SHA256\", \"iterations\": "
                + VaultFixture.TEST_ITERATIONS + ", \"salt\": \"" + Base64Text.encode(salt) + "\", \"checkIv\": \""
                + Base64Text.encode(checkIv) + "\", \"check\": \"" + Base64Text.encode(check)
                + "\", \"revision\": 3, \"iv\": \"" + Base64Text.encode(iv) + "\", \"ciphertext\": \""
                + Base64Text.encode(ciphertext) + "\"}";
    }

    @Test
    void versionOneVaultOpensAndIsUpgradedOnSave() {
        String v1 = "{\"profile\": {\"age\": 40, \"occupation\": \"writer\"},"
                + " \"ratings\": [{\"movie\": 7, \"stars\": 3.5, \"at\": 1600000000000}], \"dismissed\": [9]}";
        f.storage.set("privrec.vault.old", handcraftedVersionOneRecord("old", v1));

        UnlockedVault vault = f.store.unlock("old", PASSWORD);
        VaultContents contents = vault.contents();
        assertEquals(new Profile(40, null, "writer"), contents.profile());
        assertEquals(List.of(new RatedMovie(7, 3.5f, 1_600_000_000_000d)), contents.ratings());
        assertEquals(List.of(9), contents.dismissed());
        assertEquals(Map.of(), contents.settings());

        vault.save(contents.withSetting("genre", "3"));
        Map<String, Object> record = Json.parseObject(f.storage.get("privrec.vault.old"), "old");
        assertEquals(PlaintextFormat.CURRENT_VERSION, record.get("version"));
        assertEquals(4, record.get("revision"));
        assertEquals("3", f.store.unlock("old", PASSWORD).contents().settings().get("genre"));
    }

    @Test
    void versionTwoRatingsWithoutTitlesOpenAndGainTitlesOnlyWhenGiven() {
        String v2 = "{\"profile\": {}, \"ratings\": [{\"movie\": 1285, \"stars\": 4, \"at\": 1600000000000}],"
                + " \"dismissed\": [], \"settings\": {\"genre\": \"-1\"}}";
        f.storage.set("privrec.vault.old", handcraftedRecord(2, "old", v2));

        UnlockedVault vault = f.store.unlock("old", PASSWORD);
        RatedMovie old = vault.contents().findRating(1285);
        assertEquals(new RatedMovie(1285, 4f, 1_600_000_000_000d), old);
        assertNull(old.title(), "nothing can recover a title that was never stored");

        vault.save(vault.contents().withRating(new RatedMovie(50, 5f, 1_700_000_000_000d, "Star Wars", 1977)));
        Map<String, Object> record = Json.parseObject(f.storage.get("privrec.vault.old"), "old");
        assertEquals(PlaintextFormat.CURRENT_VERSION, record.get("version"));
        VaultContents reopened = f.store.unlock("old", PASSWORD).contents();
        assertEquals("Star Wars", reopened.findRating(50).title());
        assertEquals(1977, reopened.findRating(50).year());
        assertNull(reopened.findRating(1285).title());
    }

    @Test
    void titlesAreWrittenOnlyWhenKnown() {
        String json = new String(PlaintextFormat.write(VaultFixture.sample()), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"title\":\"Star Wars\"") || json.contains("\"title\": \"Star Wars\""), json);
        assertEquals(1, json.split("\"title\"", -1).length - 1, "the untitled rating has no title field: " + json);
    }

    @Test
    void versionOneBlobClaimingVersionTwoIsRefused() {
        String v1 = "{\"profile\": {}, \"ratings\": [], \"dismissed\": []}";
        String record = handcraftedVersionOneRecord("old", v1).replace("\"version\": 1", "\"version\": 2");
        f.storage.set("privrec.vault.old", record);
        expect(VaultException.Kind.CORRUPTED, () -> f.store.unlock("old", PASSWORD));
    }

    @Test
    void migrationStepAddsSettings() {
        Map<String, Object> older = Json.parseObject("{\"profile\": {}, \"ratings\": [], \"dismissed\": []}", "v1");
        Map<String, Object> newer = PlaintextFormat.MIGRATIONS.get(0).apply(older);
        assertEquals(Map.of(), newer.get("settings"));
        assertEquals(PlaintextFormat.CURRENT_VERSION - 1, PlaintextFormat.MIGRATIONS.size());
    }

    @Test
    void currentFormatRoundTrips() {
        byte[] bytes = PlaintextFormat.write(VaultFixture.sample());
        assertEquals(VaultFixture.sample(), PlaintextFormat.read(bytes, PlaintextFormat.CURRENT_VERSION));
    }
}
