package privrec.client.vault;

/**
 * The highest revision of each vault that this browser has written or read, kept outside the records. It serves
 * two purposes:
 * <ul>
 *   <li><b>Fresh reads under the lock.</b> Chromium gives each renderer its own copy of {@code localStorage}, updated
 *   by message, so a tab that has just been granted the vault's Web Lock may still read the record as it was before
 *   the previous holder's write. The previous holder raised the ledger before releasing the lock, and the browser's
 *   IndexedDB is transactional across tabs, so a record read below the ledger's revision is known to be stale, and
 *   the vault waits for the newer one instead of overwriting it.</li>
 *   <li><b>Rollback detection.</b> A record that stays below the ledger was put back from an older copy.</li>
 * </ul>
 * Browser: {@code privrec.client.js.storage.IndexedDbRevisionLedger}; where IndexedDB is missing,
 * {@link StorageRevisionLedger} (same tab only). Methods may block (await IndexedDB).
 */
public interface RevisionLedger {
    /** The highest revision recorded for {@code name}, or 0. Never throws: an unreadable ledger is 0. */
    int get(String name);

    /** Records {@code revision} for {@code name} unless a higher one is recorded (atomically). */
    void raise(String name, int revision);

    /** Forgets {@code name} (the vault was deleted or deliberately reset: its successor starts at revision 1). */
    void forget(String name);
}
