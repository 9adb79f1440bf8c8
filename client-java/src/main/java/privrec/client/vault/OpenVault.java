package privrec.client.vault;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/** The {@link UnlockedVault} of {@link LocalVaultStore}; see there for the write and conflict design. */
final class OpenVault implements UnlockedVault {
    private final LocalVaultStore store;
    private final String name;
    private final String storageKey;
    private final List<Runnable> listeners = new ArrayList<>();
    private final Consumer<String> storageListener = this::storageChanged;

    // Dropped by lock().
    private Sealing.Credentials credentials;
    private VaultContents contents;
    /** The exact record text this object last read or wrote: anything else in storage means another writer. */
    private String lastText;
    private int revision;
    private boolean locked;

    OpenVault(LocalVaultStore store, String name, Sealing.Credentials credentials, int revision, String text,
              VaultContents contents) {
        this.store = store;
        this.name = name;
        this.storageKey = LocalVaultStore.storageKey(name);
        this.credentials = credentials;
        this.revision = revision;
        this.lastText = text;
        this.contents = contents;
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
    public VaultContents reload() {
        ensureUnlocked();
        String what = "the vault \"" + name + "\"";
        String text = store.read(name);
        VaultRecord record = VaultRecord.parse(text, VaultRecord.STORED_FORMAT, what);
        if (!Arrays.equals(record.salt(), credentials.salt())
                || !Arrays.equals(record.check(), credentials.check())) {
            // Re-keyed elsewhere (password changed, or reset and re-created): our key cannot open it.
            lock();
            throw new VaultException(VaultException.Kind.LOCKED, "The password of \"" + name
                    + "\" was changed in another tab, or the vault was replaced. Please unlock it again.");
        }
        contents = store.sealing().open(credentials, record, name, what);
        revision = record.revision();
        lastText = text;
        return contents;
    }

    @Override
    public void save(VaultContents next) {
        ensureUnlocked();
        if (next == null) {
            throw new IllegalArgumentException("contents to save may not be null");
        }
        String text = store.sealing().seal(credentials, name, revision + 1, next, VaultRecord.STORED_FORMAT, null)
                .toJson();
        commit(text);
        revision++;
        contents = next;
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
        String text = sealing.seal(fresh, name, revision + 1, contents, VaultRecord.STORED_FORMAT, null).toJson();
        commit(text);
        credentials = fresh;
        revision++;
    }

    /** Compare-and-set: no await between the read and the write (see LocalVaultStore). */
    private void commit(String text) {
        String stored = store.storage().get(storageKey);
        if (stored == null) {
            throw new VaultException(VaultException.Kind.NOT_FOUND,
                    "The vault \"" + name + "\" was deleted, perhaps in another tab. This change was not saved.");
        }
        if (!stored.equals(lastText)) {
            throw new VaultException(VaultException.Kind.CONFLICT, "The vault \"" + name
                    + "\" was changed in another tab. Reload it and make this change again.");
        }
        store.write(name, text);
        lastText = text;
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
