package privrec.client.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static privrec.client.vault.VaultFixture.PASSWORD;
import static privrec.client.vault.VaultFixture.expect;

import org.junit.jupiter.api.Test;

/** An older valid record put back in place: refused while open, reported on unlock, never written over silently. */
class VaultRollbackTest {
    private final VaultFixture f = new VaultFixture();
    private static final String KEY = "privrec.vault.alice";

    /** Creates alice with ratings 1..n, one save each; returns the record text after {@code keepAfter} ratings. */
    private String ratedVault(int n, int keepAfter) {
        UnlockedVault vault = f.store.create("alice", PASSWORD);
        String kept = null;
        for (int id = 1; id <= n; id++) {
            int movie = id;
            vault.update(c -> c.withRating(new RatedMovie(movie, 4f, movie)));
            if (id == keepAfter) {
                kept = f.storage.get(KEY);
            }
        }
        vault.lock();
        return kept;
    }

    @Test
    void unlockingAnOlderRecordIsReportedAndTheNextSaveIsWrittenAboveIt() {
        String revision2 = ratedVault(6, 1); // revisions 1 (create) .. 7; kept = revision 2
        f.storage.set(KEY, revision2);
        UnlockedVault vault = f.store.unlock("alice", PASSWORD);
        StaleRecord stale = vault.staleOnUnlock();
        assertNotNull(stale, "an older record must be reported");
        assertEquals(2, stale.storedRevision());
        assertEquals(7, stale.seenRevision());
        assertTrue(stale.sentence().contains("older"), stale.sentence());
        assertEquals(1, vault.contents().ratings().size(), "the old record itself opens: it is authentic");

        vault.update(c -> c.withRating(new RatedMovie(99, 5f, 99)));
        assertEquals(8, revisionOf(), "written above the highest revision seen");
        assertNull(f.store.unlock("alice", PASSWORD).staleOnUnlock(), "reported once, not after every unlock");
    }

    @Test
    void anOpenSessionRefusesAnOlderRecordAndKeepsItsNewerData() {
        String revision3 = ratedVault(5, 2);
        UnlockedVault vault = f.store.unlock("alice", PASSWORD);
        VaultContents newer = vault.contents();
        String newest = f.storage.get(KEY);
        f.storage.set(KEY, revision3);

        expect(VaultException.Kind.ROLLED_BACK, vault::reload);
        assertEquals(newer, vault.contents(), "the newer contents stay in memory");
        VaultException onSave = expect(VaultException.Kind.ROLLED_BACK,
                () -> vault.update(c -> c.withRating(new RatedMovie(77, 2f, 77))));
        assertTrue(onSave.getMessage().contains("export"), onSave.getMessage());
        expect(VaultException.Kind.ROLLED_BACK, () -> vault.save(newer.withDismissed(5)));
        assertEquals(revision3, f.storage.get(KEY), "nothing was written over the restored record");
        assertEquals(5, vault.contents().ratings().size());
        // The newer state can still be exported and restored elsewhere.
        String backup = vault.exportBackup();
        assertEquals(newer, f.otherTab().importBackup(backup, PASSWORD, "alice-restored").contents());
        assertTrue(!newest.equals(revision3));
    }

    @Test
    void anotherTabsRollbackIsNotTakenOnItsStorageEvent() {
        String revision2 = ratedVault(4, 1);
        UnlockedVault vault = f.store.unlock("alice", PASSWORD);
        int[] events = {0};
        vault.onExternalChange(() -> events[0]++);
        f.otherTab().storage().set(KEY, revision2); // fires this tab's storage event
        assertEquals(1, events[0]);
        expect(VaultException.Kind.ROLLED_BACK, vault::reload);
        assertEquals(4, vault.contents().ratings().size());
    }

    @Test
    void anEditedRevisionNumberFailsAuthentication() {
        ratedVault(3, 1);
        f.storage.set(KEY, f.withField("alice", "revision", 99));
        expect(VaultException.Kind.CORRUPTED, () -> f.store.unlock("alice", PASSWORD));
    }

    @Test
    void deleteAndResetForgetTheMarkSoANewProfileOfTheSameNameIsNotReported() {
        ratedVault(3, 1);
        f.store.reset("alice");
        f.store.create("alice", PASSWORD).lock();
        assertNull(f.store.unlock("alice", PASSWORD).staleOnUnlock());
        f.store.delete("alice");
        assertNull(f.storage.get(StorageRevisionLedger.key("alice")));
    }

    @Test
    void anUnreadableMarkIsIgnored() {
        ratedVault(2, 1);
        f.storage.set(StorageRevisionLedger.key("alice"), "not a number");
        assertNull(f.store.unlock("alice", PASSWORD).staleOnUnlock());
        assertEquals("3", f.storage.get(StorageRevisionLedger.key("alice")), "rewritten from the record on unlock");
    }

    private int revisionOf() {
        return ((Number) privrec.core.Json.parseObject(f.storage.get(KEY), "a").get("revision")).intValue();
    }
}
