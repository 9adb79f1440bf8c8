package privrec.client.app;

import privrec.client.vault.UnlockedVault;
import privrec.client.vault.VaultContents;

/**
 * One unlocked vault: its decrypted contents and the last undoable action. Every change goes through
 * {@link #apply}, which hands the edit to the vault to apply to the freshest stored state under a cross-tab lock.
 * Locking drops the vault (and with it the key) and the plaintext held here.
 */
final class Session {
    private UnlockedVault vault;
    private Undo last;

    /** What undo would do: a label for the Undo bar and the inverse edit. */
    record Undo(String label, Edit inverse) {
    }

    Session(UnlockedVault vault) {
        this.vault = vault;
    }

    String name() {
        return vault.name();
    }

    UnlockedVault vault() {
        return vault;
    }

    /** Always the vault's own latest contents, so a reload and a save on different threads cannot disagree. */
    VaultContents contents() {
        return vault.contents();
    }

    Undo lastAction() {
        return last;
    }

    /** Applies and saves {@code edit}; {@code inverse} (may be null) becomes the undo action. */
    void apply(Edit edit, String label, Edit inverse) {
        save(edit);
        last = inverse == null ? null : new Undo(label, inverse);
    }

    /** Applies and saves {@code edit} without touching the undo action (bookkeeping, not a user action). */
    void applyKeepingUndo(Edit edit) {
        save(edit);
    }

    /** Applies the inverse of the last action; returns its label, or null when there was nothing to undo. */
    String undo() {
        Undo undo = last;
        if (undo == null) {
            return null;
        }
        save(undo.inverse());
        last = null;
        return undo.label();
    }

    /** Another tab changed the vault: take its contents. */
    void reload() {
        vault.reload();
    }

    /**
     * Saves through {@link UnlockedVault#update}: under the cross-tab lock the vault re-reads the record and the
     * edit is applied to whatever another tab saved last, so no tab's change is lost.
     */
    private void save(Edit edit) {
        vault.update(edit::apply);
    }

    /** Drops key and plaintext; the session is unusable afterwards. */
    void lock() {
        if (vault != null) {
            vault.lock();
        }
        vault = null;
        last = null;
    }
}
