package privrec.client.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static privrec.client.vault.VaultFixture.PASSWORD;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two tabs editing one vault: every read-modify-write under the lock, the edit re-applied to the latest save. */
class VaultConcurrencyTest {
    private final VaultFixture f = new VaultFixture();

    @Test
    void updatesFromTwoTabsInterleavedKeepEveryRating() {
        f.store.create("alice", PASSWORD);
        UnlockedVault tabA = f.store.unlock("alice", PASSWORD);
        UnlockedVault tabB = f.otherTab().unlock("alice", PASSWORD);
        for (int i = 0; i < 25; i++) {
            int a = 100 + i;
            int b = 200 + i;
            tabA.update(c -> c.withRating(new RatedMovie(a, 4f, a)));
            tabB.update(c -> c.withRating(new RatedMovie(b, 5f, b)));
        }
        VaultContents reopened = f.store.unlock("alice", PASSWORD).contents();
        assertEquals(50, reopened.ratings().size());
        assertEquals(reopened, tabA.update(c -> c));
        assertEquals(52, revisionOf("alice"), "1 create + 50 updates + 1 no-op update, each a new revision");
    }

    @Test
    void updateReadsInsideTheLockAndAppliesTheEditToTheOtherTabsSave() {
        f.store.create("alice", PASSWORD);
        UnlockedVault tabA = f.store.unlock("alice", PASSWORD);
        f.otherTab().unlock("alice", PASSWORD).update(c -> c.withSetting("theme", "dark"));
        List<Boolean> heldWhileEditing = new ArrayList<>();
        VaultContents after = tabA.update(c -> {
            heldWhileEditing.add(f.locks.isHeld(LocalVaultStore.lockName("alice")));
            assertEquals("dark", c.settings().get("theme"), "the edit sees the other tab's save");
            return c.withRating(new RatedMovie(7, 3f, 1));
        });
        assertEquals(List.of(true), heldWhileEditing);
        assertEquals("dark", after.settings().get("theme"));
        assertEquals(1, after.ratings().size());
        assertEquals(after, f.store.unlock("alice", PASSWORD).contents());
    }

    @Test
    void everyWriteTakesTheVaultsLock() {
        UnlockedVault vault = f.store.create("alice", PASSWORD);
        vault.update(c -> c.withDismissed(3));
        vault.save(vault.contents().withDismissed(4));
        vault.changePassword(PASSWORD, "another long password");
        assertEquals(List.of("privrec.vault.alice", "privrec.vault.alice", "privrec.vault.alice",
                "privrec.vault.alice"), f.locks.taken, "create, update, save, change password");
    }

    @Test
    void passwordChangeKeepsTheOtherTabsNewerSave() {
        f.store.create("alice", PASSWORD);
        UnlockedVault tabA = f.store.unlock("alice", PASSWORD);
        f.otherTab().unlock("alice", PASSWORD).update(c -> c.withRating(new RatedMovie(9, 5f, 1)));
        tabA.changePassword(PASSWORD, "another long password");
        VaultContents reopened = f.store.unlock("alice", "another long password").contents();
        assertEquals(1, reopened.ratings().size(), "the rating saved in the other tab survived the re-encryption");
    }

    @Test
    void aSettingsChangeRacingRatingsLosesNeither() {
        f.store.create("alice", PASSWORD);
        UnlockedVault ratingTab = f.store.unlock("alice", PASSWORD);
        UnlockedVault settingsTab = f.otherTab().unlock("alice", PASSWORD);
        for (int i = 0; i < 10; i++) {
            int id = i;
            ratingTab.update(c -> c.withRating(new RatedMovie(id + 1, 4f, id)));
            settingsTab.update(c -> c.withSetting("autoLockMinutes", Integer.toString(5 + id)));
        }
        VaultContents reopened = f.store.unlock("alice", PASSWORD).contents();
        assertEquals(10, reopened.ratings().size());
        assertEquals("14", reopened.settings().get("autoLockMinutes"));
        assertTrue(reopened.settings().size() == 1);
    }

    private int revisionOf(String name) {
        return ((Number) privrec.core.Json.parseObject(f.storage.get(LocalVaultStore.storageKey(name)), name)
                .get("revision")).intValue();
    }
}
