package privrec.client.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static privrec.client.vault.VaultFixture.PASSWORD;
import static privrec.client.vault.VaultFixture.expect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import privrec.core.Json;

/** Saving: fresh IVs, quota, two tabs, password change. */
class VaultWritesTest {
    private final VaultFixture f = new VaultFixture();

    @Test
    void eachWriteUsesAFreshIv() {
        UnlockedVault vault = f.createWithSample("alice");
        Set<String> storedIvs = new HashSet<>();
        storedIvs.add(storedField("alice", "iv"));
        for (int i = 0; i < 20; i++) {
            vault.save(vault.contents().withSetting("n", Integer.toString(i)));
            assertTrue(storedIvs.add(storedField("alice", "iv")), "IV repeated at write " + i);
        }
        Set<String> all = new HashSet<>();
        for (byte[] iv : f.crypto.encryptionIvs) {
            assertEquals(12, iv.length);
            assertTrue(all.add(Base64Text.encode(iv)), "an encryption reused an IV");
        }
    }

    @Test
    void saveIncrementsRevisionAndPersists() {
        UnlockedVault vault = f.store.create("alice", PASSWORD);
        assertEquals(1, Json.parseObject(f.storage.get("privrec.vault.alice"), "a").get("revision"));
        vault.save(VaultFixture.sample());
        assertEquals(2, Json.parseObject(f.storage.get("privrec.vault.alice"), "a").get("revision"));
        assertEquals(VaultFixture.sample(), f.store.unlock("alice", PASSWORD).contents());
    }

    @Test
    void quotaExceededKeepsPreviousVault() {
        UnlockedVault vault = f.createWithSample("alice");
        String before = f.storage.get("privrec.vault.alice");
        f.storage.setQuotaChars(f.storage.usedChars() + 10);

        VaultContents big = vault.contents();
        for (int id = 1000; id < 1200; id++) {
            big = big.withRating(new RatedMovie(id, 3f, id));
        }
        VaultContents tooBig = big;
        VaultException e = expect(VaultException.Kind.QUOTA_EXCEEDED, () -> vault.save(tooBig));
        assertTrue(e.getMessage().contains("full"), e.getMessage());
        assertEquals(before, f.storage.get("privrec.vault.alice"));
        assertEquals(VaultFixture.sample(), vault.contents());

        // The vault still works: a small change fits again once space is freed.
        f.storage.setQuotaChars(Integer.MAX_VALUE);
        vault.save(vault.contents().withDismissed(7));
        assertEquals(List.of(1, 7), f.store.unlock("alice", PASSWORD).contents().dismissed());
    }

    @Test
    void quotaExceededOnCreateLeavesNothingBehind() {
        f.storage.setQuotaChars(50);
        expect(VaultException.Kind.QUOTA_EXCEEDED, () -> f.store.create("alice", PASSWORD));
        assertTrue(f.store.names().isEmpty());
    }

    @Test
    void concurrentSaveFromTwoTabsIsDetected() {
        f.createWithSample("alice");
        UnlockedVault tabA = f.store.unlock("alice", PASSWORD);
        UnlockedVault tabB = f.otherTab().unlock("alice", PASSWORD);

        tabA.save(tabA.contents().withDismissed(11));
        String afterA = f.storage.get("privrec.vault.alice");
        expect(VaultException.Kind.CONFLICT, () -> tabB.save(tabB.contents().withDismissed(22)));
        assertEquals(afterA, f.storage.get("privrec.vault.alice"));

        // The app's recovery: reload, re-apply. Both updates survive.
        tabB.reload();
        tabB.save(tabB.contents().withDismissed(22));
        assertEquals(List.of(1, 11, 22), f.store.unlock("alice", PASSWORD).contents().dismissed());
        // And now tab A is the stale one.
        expect(VaultException.Kind.CONFLICT, () -> tabA.save(tabA.contents()));
    }

    @Test
    void externalChangeFiresOnlyForOtherTabsWritesToThisVault() {
        f.createWithSample("alice");
        f.createWithSample("bob");
        UnlockedVault tabA = f.store.unlock("alice", PASSWORD);
        LocalVaultStore otherTab = f.otherTab();
        UnlockedVault tabB = otherTab.unlock("alice", PASSWORD);
        List<String> heard = new ArrayList<>();
        tabA.onExternalChange(() -> heard.add("A"));
        tabB.onExternalChange(() -> heard.add("B"));

        tabB.save(tabB.contents().withDismissed(5));
        assertEquals(List.of("A"), heard);
        otherTab.unlock("bob", PASSWORD).save(VaultContents.EMPTY);
        assertEquals(List.of("A"), heard);
        assertEquals(List.of(1, 5), tabA.reload().dismissed());

        tabA.lock();
        tabB.save(tabB.contents().withDismissed(6));
        assertEquals(List.of("A"), heard);
    }

    @Test
    void saveAfterDeletionInAnotherTabIsNotFound() {
        UnlockedVault vault = f.createWithSample("alice");
        f.otherTab().delete("alice");
        expect(VaultException.Kind.NOT_FOUND, () -> vault.save(VaultContents.EMPTY));
        assertFalse(f.store.names().contains("alice"));
    }

    @Test
    void changePasswordReEncryptsWithNewSalt() {
        UnlockedVault vault = f.createWithSample("alice");
        String oldSalt = storedField("alice", "salt");
        vault.changePassword(PASSWORD, "a new long password");

        assertNotEquals(oldSalt, storedField("alice", "salt"));
        expect(VaultException.Kind.WRONG_PASSWORD, () -> f.store.unlock("alice", PASSWORD));
        assertEquals(VaultFixture.sample(), f.store.unlock("alice", "a new long password").contents());
        // This object keeps working with the new key.
        vault.save(vault.contents().withDismissed(9));
        assertEquals(List.of(1, 9), f.store.unlock("alice", "a new long password").contents().dismissed());
    }

    @Test
    void changePasswordNeedsTheCurrentPasswordAndAStrongNewOne() {
        UnlockedVault vault = f.createWithSample("alice");
        String before = f.storage.get("privrec.vault.alice");
        expect(VaultException.Kind.WRONG_PASSWORD, () -> vault.changePassword("not it at all", "new password 1"));
        expect(VaultException.Kind.WEAK_PASSWORD, () -> vault.changePassword(PASSWORD, "short"));
        assertEquals(before, f.storage.get("privrec.vault.alice"));
    }

    @Test
    void passwordChangedInAnotherTabLocksThisOneOnReload() {
        f.createWithSample("alice");
        UnlockedVault tabA = f.store.unlock("alice", PASSWORD);
        f.otherTab().unlock("alice", PASSWORD).changePassword(PASSWORD, "the other password");

        expect(VaultException.Kind.CONFLICT, () -> tabA.save(tabA.contents()));
        expect(VaultException.Kind.LOCKED, tabA::reload);
        assertTrue(tabA.isLocked());
    }

    private String storedField(String name, String field) {
        return (String) Json.parseObject(f.storage.get("privrec.vault." + name), name).get(field);
    }
}
