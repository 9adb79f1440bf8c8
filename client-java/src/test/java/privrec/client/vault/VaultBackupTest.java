package privrec.client.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static privrec.client.vault.VaultFixture.PASSWORD;
import static privrec.client.vault.VaultFixture.expect;

import java.util.Map;
import org.junit.jupiter.api.Test;
import privrec.core.Json;

class VaultBackupTest {
    private final VaultFixture device1 = new VaultFixture();
    private final VaultFixture device2 = new VaultFixture();

    @Test
    void backupImportsOnAnotherDeviceWithTheSamePassword() {
        String backup = device1.createWithSample("alice").exportBackup();

        UnlockedVault imported = device2.store.importBackup(backup, PASSWORD, null);
        assertEquals("alice", imported.name());
        assertEquals(VaultFixture.sample(), imported.contents());
        assertEquals(VaultFixture.sample(), device2.store.unlock("alice", PASSWORD).contents());
    }

    @Test
    void backupIsSelfDescribingAndHoldsNoPlaintext() {
        String backup = device1.createWithSample("alice").exportBackup();
        Map<String, Object> json = Json.parseObject(backup, "backup");
        assertEquals("privrec-vault-backup", json.get("format"));
        assertEquals("alice", json.get("name"));
        assertEquals("PBKDF2-SHA256", json.get("kdf"));
        assertEquals(VaultFixture.TEST_ITERATIONS, json.get("iterations"));
        for (String field : new String[] {"salt", "iv", "ciphertext", "checkIv", "check"}) {
            assertTrue(json.get(field) instanceof String, field);
        }
        for (String secret : VaultFixture.sampleSecrets()) {
            assertFalse(backup.contains(secret), secret);
        }
    }

    @Test
    void wrongPasswordOnImportImportsNothing() {
        String backup = device1.createWithSample("alice").exportBackup();
        expect(VaultException.Kind.WRONG_PASSWORD, () -> device2.store.importBackup(backup, "not the password", null));
        assertTrue(device2.store.names().isEmpty());
    }

    @Test
    void importUnderAnotherNameGetsItsOwnSalt() {
        UnlockedVault alice = device1.createWithSample("alice");
        String backup = alice.exportBackup();
        UnlockedVault copy = device1.store.importBackup(backup, PASSWORD, "alice (copy)");
        assertEquals(VaultFixture.sample(), copy.contents());
        assertNotEquals(Json.parseObject(device1.storage.get("privrec.vault.alice"), "a").get("salt"),
                Json.parseObject(device1.storage.get("privrec.vault.alice (copy)"), "c").get("salt"));
        expect(VaultException.Kind.ALREADY_EXISTS, () -> device1.store.importBackup(backup, PASSWORD, null));
    }

    @Test
    void editedBackupIsRefused() {
        String backup = device1.createWithSample("alice").exportBackup();
        Map<String, Object> json = Json.parseObject(backup, "backup");
        json.put("name", "mallory");
        expect(VaultException.Kind.CORRUPTED, () -> device2.store.importBackup(Json.write(json), PASSWORD, null));
        assertTrue(device2.store.names().isEmpty());
    }

    @Test
    void storedRecordIsNotABackup() {
        device1.createWithSample("alice");
        String raw = device1.store.exportRaw("alice");
        expect(VaultException.Kind.UNSUPPORTED_VERSION, () -> device2.store.importBackup(raw, PASSWORD, "alice"));
        expect(VaultException.Kind.CORRUPTED, () -> device2.store.importBackup("{ not json", PASSWORD, "alice"));
    }
}
