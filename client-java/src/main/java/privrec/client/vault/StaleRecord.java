package privrec.client.vault;

/**
 * Unlock found a record older than this browser has seen for the profile: an older copy of it was restored into
 * storage (by hand, a sync or backup tool, or someone with access to the device). The record still opens — it is
 * authentic, only old — and the next save is written above {@code seenRevision}, so the warning is given once.
 *
 * @param storedRevision the revision of the record that was unlocked
 * @param seenRevision   the highest revision this browser has unlocked, read or written for this profile
 */
public record StaleRecord(int storedRevision, int seenRevision) {
    /** One sentence for the screen. */
    public String sentence() {
        return "This profile's saved data is older than what this browser last saw (version " + storedRevision
                + ", but version " + seenRevision + " was seen here): an older copy was put back in place, so "
                + "changes made since may be missing. Export a backup if you want to keep this state.";
    }
}
