package privrec.client.vault;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** The {@link UnlockedVault} of {@link LocalVaultStore}; see there for the write, lock and rollback design. */
final class OpenVault implements UnlockedVault {
    private final LocalVaultStore store;
    private final String name;
    private final String storageKey;
    private final List<Runnable> listeners = new ArrayList<>();
    private final Consumer<String> storageListener = this::storageChanged;
    private final StaleRecord staleOnUnlock;

    // Dropped by lock().
    private Sealing.Credentials credentials;
    private VaultContents contents;
    /** The exact record text this object last read or wrote: anything else in storage means another writer. */
    private String lastText;
    private int revision;
    /**
     * The next write's revision is above this: after unlocking a {@link StaleRecord}, the revision this browser
     * had seen, so the record written next is newer than anything seen and the warning is not repeated.
     */
    private int revisionFloor;
    private boolean locked;

    OpenVault(LocalVaultStore store, String name, Sealing.Credentials credentials, int revision, String text,
              VaultContents contents, StaleRecord staleOnUnlock) {
        this.store = store;
        this.name = name;
        this.storageKey = LocalVaultStore.storageKey(name);
        this.credentials = credentials;
        this.revision = revision;
        this.revisionFloor = staleOnUnlock == null ? revision : staleOnUnlock.seenRevision();
        this.lastText = text;
        this.contents = contents;
        this.staleOnUnlock = staleOnUnlock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public VaultContents contents() {
        ensureUnlocked();
        return contents;
    }

    @Override
    public StaleRecord staleOnUnlock() {
        return staleOnUnlock;
    }

    @Override
    public VaultContents reload() {
        ensureUnlocked();
        // Under the lock too: a reload must not interleave (at its decrypt) with this tab's own update.
        return store.locks().withLock(LocalVaultStore.lockName(name), () -> {
            adopt(store.readFresh(name));
            return contents;
        });
    }

    /**
     * Makes {@code text} (a record just read) the current state, unless it is the one already held. Refuses a
     * record of another key (LOCKED) and one older than what this object holds (ROLLED_BACK), changing nothing.
     */
    private void adopt(String text) {
        if (text.equals(lastText)) {
            return;
        }
        String what = "the vault \"" + name + "\"";
        VaultRecord record = VaultRecord.parse(text, VaultRecord.STORED_FORMAT, what);
        if (!Arrays.equals(record.salt(), credentials.salt())
                || !Arrays.equals(record.check(), credentials.check())) {
            // Re-keyed elsewhere (password changed, or reset and re-created): our key cannot open it.
            lock();
            throw new VaultException(VaultException.Kind.LOCKED, "The password of \"" + name
                    + "\" was changed in another tab, or the vault was replaced. Please unlock it again.");
        }
        if (record.revision() <= revision) {
            // Lower: an older copy was put back. Equal but different text: a second record claiming our revision,
            // which no writer under the lock produces. Either way ours is the newer state; keep it.
            throw rolledBack(record.revision());
        }
        VaultContents opened = store.sealing().open(credentials, record, name, what);
        if (locked) {
            return; // locked while the decrypt awaited: no plaintext may be kept after lock()
        }
        contents = opened;
        revision = record.revision();
        revisionFloor = Math.max(revisionFloor, revision);
        lastText = text;
        store.ledger().raise(name, revision);
    }

    private VaultException rolledBack(int storedRevision) {
        return new VaultException(VaultException.Kind.ROLLED_BACK, "The saved data of \"" + name
                + "\" was replaced by an older copy (version " + storedRevision + "; this tab holds version "
                + revision + "). Nothing was overwritten and your newer data is still open here: export a backup "
                + "in Settings to keep it.");
    }

    @Override
    public VaultContents update(UnaryOperator<VaultContents> edit) {
        ensureUnlocked();
        return store.locks().withLock(LocalVaultStore.lockName(name), () -> {
            String stored = readForWrite();
            adopt(stored);
            VaultContents next = edit.apply(contents);
            if (next == null) {
                throw new IllegalArgumentException("an edit may not return null contents");
            }
            write(sealNext(credentials, next), next, credentials);
            return next;
        });
    }

    @Override
    public void save(VaultContents next) {
        ensureUnlocked();
        if (next == null) {
            throw new IllegalArgumentException("contents to save may not be null");
        }
        store.locks().withLock(LocalVaultStore.lockName(name), () -> {
            compareAndSet();
            write(sealNext(credentials, next), next, credentials);
            return null;
        });
    }

    @Override
    public void changePassword(String oldPassword, String newPassword) {
        ensureUnlocked();
        VaultRules.checkNewPassword(newPassword);
        Sealing sealing = store.sealing();
        if (sealing.tryPassword(oldPassword, credentials.iterations(), credentials.salt(), credentials.checkIv(),
                credentials.check()) == null) {
            throw new VaultException(VaultException.Kind.WRONG_PASSWORD,
                    "The current password is not correct. The password was not changed.");
        }
        // New salt, new key, new check; also brings an older iteration count up to the store's.
        Sealing.Credentials fresh = sealing.newCredentials(newPassword, store.iterations());
        store.locks().withLock(LocalVaultStore.lockName(name), () -> {
            // Take another tab's newer data first, so the re-encrypted record contains it.
            adopt(readForWrite());
            write(sealNext(fresh, contents), contents, fresh);
            return null;
        });
    }

    private String readForWrite() {
        try {
            return store.readFresh(name);
        } catch (VaultException e) {
            if (e.kind() != VaultException.Kind.NOT_FOUND) {
                throw e;
            }
            throw new VaultException(VaultException.Kind.NOT_FOUND,
                    "The vault \"" + name + "\" was deleted, perhaps in another tab. This change was not saved.", e);
        }
    }

    /** Inside the lock: the stored record must be the one this object last read or wrote. */
    private void compareAndSet() {
        String stored = readForWrite();
        if (stored.equals(lastText)) {
            return;
        }
        VaultRecord record = VaultRecord.parse(stored, VaultRecord.STORED_FORMAT, "the vault \"" + name + "\"");
        if (record.revision() <= revision) {
            throw rolledBack(record.revision());
        }
        throw new VaultException(VaultException.Kind.CONFLICT, "The vault \"" + name
                + "\" was changed in another tab. Reload it and make this change again.");
    }

    private String sealNext(Sealing.Credentials with, VaultContents next) {
        return store.sealing().seal(with, name, nextRevision(), next, VaultRecord.STORED_FORMAT, null).toJson();
    }

    private int nextRevision() {
        return Math.max(revision, revisionFloor) + 1;
    }

    /** One setItem; only after it succeeded does this object's state move on. */
    private void write(String text, VaultContents next, Sealing.Credentials with) {
        int written = nextRevision();
        store.write(name, text);
        lastText = text;
        revision = written;
        revisionFloor = written;
        contents = next;
        credentials = with;
        // Before the lock is released: the next holder, in any tab, knows which revision it must read.
        store.ledger().raise(name, written);
    }

    @Override
    public String exportBackup() {
        ensureUnlocked();
        return store.sealing().seal(credentials, name, revision, contents, VaultRecord.BACKUP_FORMAT, name)
                .toJson() + "\n";
    }

    @Override
    public void lock() {
        if (locked) {
            return;
        }
        locked = true;
        credentials = null;
        contents = null;
        lastText = null;
        listeners.clear();
        store.storage().removeExternalChangeListener(storageListener);
    }

    @Override
    public boolean isLocked() {
        return locked;
    }

    @Override
    public void onExternalChange(Runnable listener) {
        ensureUnlocked();
        if (listeners.isEmpty()) {
            store.storage().addExternalChangeListener(storageListener);
        }
        listeners.add(listener);
    }

    private void storageChanged(String key) {
        // key == null: the whole storage was cleared.
        if (locked || (key != null && !key.equals(storageKey))) {
            return;
        }
        for (Runnable listener : new ArrayList<>(listeners)) {
            listener.run();
        }
    }

    @Override
    public int storedBytes() {
        ensureUnlocked();
        String text = store.storage().get(storageKey);
        return text == null ? 0 : 2 * (storageKey.length() + text.length());
    }

    private void ensureUnlocked() {
        if (locked) {
            throw new VaultException(VaultException.Kind.LOCKED, "The vault \"" + name + "\" is locked. "
                    + "Please unlock it again.");
        }
    }
}
