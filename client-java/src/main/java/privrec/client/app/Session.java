package privrec.client.app;

import privrec.client.vault.UnlockedVault;
import privrec.client.vault.VaultContents;
import privrec.client.vault.VaultException;

/**
 * One unlocked vault: its decrypted contents and the last undoable action. Every change goes through
 * {@link #apply}, which saves and, when another tab saved first, reloads and re-applies the same edit.
 * Locking drops the vault (and with it the key) and the plaintext held here.
 */
final class Session {
    /** Saves tried per action before giving up on a busy vault (another tab writing in a loop). */
    static final int MAX_ATTEMPTS = 3;

    private UnlockedVault vault;
    private VaultContents contents;
    private Undo last;

    /** What undo would do: a label for the Undo bar and the inverse edit. */
    record Undo(String label, Edit inverse) {
    }

    Session(UnlockedVault vault) {
        this.vault = vault;
        this.contents = vault.contents();
    }

    String name() {
        return vault.name();
    }

    UnlockedVault vault() {
        return vault;
    }

    VaultContents contents() {
        return contents;
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
        contents = vault.reload();
    }

    private void save(Edit edit) {
        for (int attempt = 1; ; attempt++) {
            VaultContents next = edit.apply(contents);
            try {
                vault.save(next);
                contents = next;
                return;
            } catch (VaultException e) {
                if (e.kind() != VaultException.Kind.CONFLICT || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                contents = vault.reload();
            }
        }
    }

    /** Drops key and plaintext; the session is unusable afterwards. */
    void lock() {
        if (vault != null) {
            vault.lock();
        }
        vault = null;
        contents = null;
        last = null;
    }
}
