package privrec.client.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static privrec.client.vault.VaultFixture.PASSWORD;
import static privrec.client.vault.VaultFixture.expect;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Wrong passwords and modified storage are refused, and nothing is ever overwritten because of them. */
class VaultTamperingTest {
    private final VaultFixture f = new VaultFixture();

    @Test
    void wrongPasswordLeavesVaultUntouched() {
        f.createWithSample("alice");
        Map<String, String> before = f.storage.snapshot();

        VaultException e = expect(VaultException.Kind.WRONG_PASSWORD, () -> f.store.unlock("alice", "wrong password"));
        assertTrue(e.getMessage().contains("alice"), e.getMessage());
        assertEquals(before, f.storage.snapshot());
        assertEquals(VaultFixture.sample(), f.store.unlock("alice", PASSWORD).contents());
    }

    @Test
    void tamperedCiphertextIsRefusedAndNotOverwritten() {
        f.createWithSample("alice");
        String key = "privrec.vault.alice";
        String stored = f.storage.get(key);
        byte[] ciphertext = Base64Text.decodeOrNull((String) privrec.core.Json.parseObject(stored, "a")
                .get("ciphertext"));
        ciphertext[3] ^= 1;
        String tampered = f.withField("alice", "ciphertext", Base64Text.encode(ciphertext));
        f.storage.set(key, tampered);

        VaultException e = expect(VaultException.Kind.CORRUPTED, () -> f.store.unlock("alice", PASSWORD));
        assertTrue(e.getMessage().contains("Nothing was overwritten"), e.getMessage());
        assertEquals(tampered, f.storage.get(key));
        assertEquals(tampered, f.store.exportRaw("alice"));
        expect(VaultException.Kind.ALREADY_EXISTS, () -> f.store.create("alice", PASSWORD));

        f.store.reset("alice");
        assertTrue(f.store.names().isEmpty());
        f.store.create("alice", PASSWORD);
    }

    @Test
    void tamperedIvIsRefused() {
        f.createWithSample("alice");
        f.storage.set("privrec.vault.alice", f.withField("alice", "iv", Base64Text.encode(new byte[12])));
        expect(VaultException.Kind.CORRUPTED, () -> f.store.unlock("alice", PASSWORD));
    }

    @Test
    void swappedBlobBetweenUsersIsRefused() {
        // Same password on purpose: only the associated data (the name) can tell the blobs apart.
        f.createWithSample("alice");
        f.store.create("bob", PASSWORD);
        f.storage.set("privrec.vault.alice", f.storage.get("privrec.vault.bob"));

        expect(VaultException.Kind.CORRUPTED, () -> f.store.unlock("alice", PASSWORD));
        f.store.unlock("bob", PASSWORD);
    }

    @Test
    void versionFieldEditedIsRefused() {
        f.createWithSample("alice");
        f.storage.set("privrec.vault.alice", f.withField("alice", "version", 1));
        expect(VaultException.Kind.CORRUPTED, () -> f.store.unlock("alice", PASSWORD));
    }

    @Test
    void revisionFieldEditedIsRefused() {
        f.createWithSample("alice");
        f.storage.set("privrec.vault.alice", f.withField("alice", "revision", 99));
        expect(VaultException.Kind.CORRUPTED, () -> f.store.unlock("alice", PASSWORD));
    }

    @Test
    void newerFormatVersionIsUnsupportedNotOverwritten() {
        f.createWithSample("alice");
        String newer = f.withField("alice", "version", PlaintextFormat.CURRENT_VERSION + 1);
        f.storage.set("privrec.vault.alice", newer);
        expect(VaultException.Kind.UNSUPPORTED_VERSION, () -> f.store.unlock("alice", PASSWORD));
        assertEquals(newer, f.storage.get("privrec.vault.alice"));
    }

    @Test
    void garbageInStorageIsCorruptedNotACrash() {
        String[] garbage = {"", "not json", "{}", "{\"format\":\"privrec-vault\",\"version\":2}",
                f.recordWithBadBase64()};
        for (String text : garbage) {
            f.storage.set("privrec.vault.alice", text);
            VaultException e = org.junit.jupiter.api.Assertions.assertThrows(VaultException.class,
                    () -> f.store.unlock("alice", PASSWORD), text);
            assertTrue(e.kind() == VaultException.Kind.CORRUPTED || e.kind() == VaultException.Kind.UNSUPPORTED_VERSION,
                    text + " gave " + e.kind());
            assertEquals(text, f.store.exportRaw("alice"));
        }
    }

    @Test
    void absurdIterationCountIsRefusedBeforeDerivingAKey() {
        f.createWithSample("alice");
        f.storage.set("privrec.vault.alice", f.withField("alice", "iterations", 2_000_000_000));
        int before = f.crypto.derivations;
        expect(VaultException.Kind.CORRUPTED, () -> f.store.unlock("alice", PASSWORD));
        assertEquals(before, f.crypto.derivations);
    }
}
