package privrec.client.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static privrec.client.vault.VaultFixture.PASSWORD;
import static privrec.client.vault.VaultFixture.expect;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import privrec.core.Json;

class VaultLifecycleTest {
    private final VaultFixture f = new VaultFixture();

    @Test
    void createThenUnlockRoundTripsContents() {
        UnlockedVault created = f.createWithSample("alice");
        assertEquals(VaultFixture.sample(), created.contents());

        UnlockedVault unlocked = f.store.unlock("alice", PASSWORD);
        assertEquals("alice", unlocked.name());
        assertEquals(VaultFixture.sample(), unlocked.contents());
        assertEquals(1_731_234_567_890d, unlocked.contents().findRating(50).ratedAtMillis());
    }

    @Test
    void newVaultIsEmptyAndListed() {
        UnlockedVault vault = f.store.create("  bob ", PASSWORD);
        assertEquals("bob", vault.name());
        assertEquals(VaultContents.EMPTY, vault.contents());
        assertTrue(f.store.exists("bob"));
        assertFalse(f.store.exists("alice"));
    }

    @Test
    void listingShowsNamesOnlyAndNoPlaintextIsStored() {
        f.createWithSample("alice");
        f.createWithSample("bob");
        f.storage.set("unrelated.key", "x");
        f.storage.set("privrec.vault. not trimmed", "x");
        assertEquals(List.of("alice", "bob"), f.store.names());

        for (Map.Entry<String, String> e : f.storage.snapshot().entrySet()) {
            for (String secret : VaultFixture.sampleSecrets()) {
                assertFalse(e.getValue().contains(secret), e.getKey() + " holds plaintext " + secret);
            }
        }
        // What is in clear: the format and public parameters, never contents.
        Map<String, Object> record = Json.parseObject(f.storage.get("privrec.vault.alice"), "alice");
        assertEquals(List.of("format", "version", "kdf", "iterations", "salt", "checkIv", "check", "revision", "iv",
                "ciphertext"), List.copyOf(record.keySet()));
    }

    @Test
    void eachVaultHasItsOwnSixteenByteSalt() {
        f.store.create("alice", PASSWORD);
        f.store.create("bob", PASSWORD);
        Object saltA = Json.parseObject(f.storage.get("privrec.vault.alice"), "a").get("salt");
        Object saltB = Json.parseObject(f.storage.get("privrec.vault.bob"), "b").get("salt");
        assertFalse(saltA.equals(saltB));
        assertEquals(16, Base64Text.decodeOrNull((String) saltA).length);
    }

    @Test
    void productionStoreUsesSixHundredThousandIterations() {
        assertEquals(600_000, LocalVaultStore.ITERATIONS);
        CountingCrypto counting = new CountingCrypto(f.crypto);
        LocalVaultStore production = new LocalVaultStore(f.storage, counting, new SerialLocks(), new StorageRevisionLedger(f.storage));
        production.create("carol", PASSWORD);
        assertEquals(600_000, counting.lastIterations);
        assertEquals(600_000, Json.parseObject(f.storage.get("privrec.vault.carol"), "c").get("iterations"));
    }

    @Test
    void createRefusesExistingName() {
        f.store.create("alice", PASSWORD);
        expect(VaultException.Kind.ALREADY_EXISTS, () -> f.store.create("alice", "another password"));
    }

    @Test
    void unlockOfUnknownNameIsNotFound() {
        expect(VaultException.Kind.NOT_FOUND, () -> f.store.unlock("nobody", PASSWORD));
    }

    @Test
    void invalidNamesAreRefused() {
        expect(VaultException.Kind.INVALID_NAME, () -> f.store.create("   ", PASSWORD));
        expect(VaultException.Kind.INVALID_NAME, () -> f.store.create(null, PASSWORD));
        expect(VaultException.Kind.INVALID_NAME, () -> f.store.create("a".repeat(41), PASSWORD));
        expect(VaultException.Kind.INVALID_NAME, () -> f.store.create("tab\there", PASSWORD));
        expect(VaultException.Kind.INVALID_NAME, () -> f.store.create("line\nbreak", PASSWORD));
        assertEquals("a".repeat(40), f.store.create("a".repeat(40), PASSWORD).name());
        assertEquals("Zoë 🎬", f.store.create("Zoë 🎬", PASSWORD).name());
    }

    @Test
    void shortPasswordsAreRefusedForNewVaults() {
        VaultException e = expect(VaultException.Kind.WEAK_PASSWORD, () -> f.store.create("alice", "1234567"));
        assertTrue(e.getMessage().contains("8"));
        expect(VaultException.Kind.WEAK_PASSWORD, () -> f.store.create("alice", null));
        assertTrue(f.store.names().isEmpty());
        f.store.create("alice", "12345678");
    }

    @Test
    void deleteRemovesOneVaultOnly() {
        f.createWithSample("alice");
        f.createWithSample("bob");
        f.store.delete("alice");
        assertEquals(List.of("bob"), f.store.names());
        assertNull(f.storage.get("privrec.vault.alice"));
        expect(VaultException.Kind.NOT_FOUND, () -> f.store.delete("alice"));
        assertEquals(VaultFixture.sample(), f.store.unlock("bob", PASSWORD).contents());
    }

    @Test
    void lockDropsKeyAndContents() {
        UnlockedVault vault = f.createWithSample("alice");
        vault.lock();
        assertTrue(vault.isLocked());
        assertEquals("alice", vault.name());
        expect(VaultException.Kind.LOCKED, vault::contents);
        expect(VaultException.Kind.LOCKED, () -> vault.save(VaultContents.EMPTY));
        expect(VaultException.Kind.LOCKED, vault::exportBackup);
        vault.lock(); // idempotent
        assertNull(fieldValue(vault, "credentials"));
        assertNull(fieldValue(vault, "contents"));
    }

    @Test
    void storedBytesCountsTheRecordAsUtf16() {
        UnlockedVault vault = f.createWithSample("alice");
        String text = f.storage.get("privrec.vault.alice");
        assertEquals(2 * ("privrec.vault.alice".length() + text.length()), vault.storedBytes());
    }

    @Test
    void contentsHelpersAreImmutableUpdates() {
        VaultContents sample = VaultFixture.sample();
        VaultContents rerated = sample.withRating(new RatedMovie(50, 1f, 5d));
        assertEquals(1f, rerated.findRating(50).stars());
        assertEquals(50, rerated.ratings().get(0).movieId());
        assertEquals(4.5f, sample.findRating(50).stars());
        assertNull(sample.withoutRating(50).findRating(50));
        assertEquals(sample, sample.withDismissed(1));
        assertEquals(List.of(), sample.withoutDismissed(1).dismissed());
        assertFalse(sample.withSetting("theme", null).settings().containsKey("theme"));
        assertThrows(UnsupportedOperationException.class, () -> sample.ratings().clear());
        assertThrows(IllegalArgumentException.class, () -> new RatedMovie(0, 3f, 0));
        assertThrows(IllegalArgumentException.class, () -> new RatedMovie(1, 6f, 0));
    }

    private static Object fieldValue(Object target, String field) {
        try {
            java.lang.reflect.Field f = target.getClass().getDeclaredField(field);
            f.setAccessible(true);
            return f.get(target);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
