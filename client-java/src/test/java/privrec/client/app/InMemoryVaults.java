package privrec.client.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import privrec.client.vault.StaleRecord;
import privrec.client.vault.UnlockedVault;
import privrec.client.vault.VaultContents;
import privrec.client.vault.VaultException;
import privrec.client.vault.VaultException.Kind;
import privrec.client.vault.VaultStore;

/**
 * A device's vaults in memory, with the real store's revision rule: a save from a vault object that has not seen
 * the latest stored revision is a CONFLICT. {@link #saveFromOtherTab} plays the second tab.
 */
final class InMemoryVaults implements VaultStore {
    /** What "localStorage" holds for one name. */
    static final class Stored {
        String password;
        VaultContents contents = VaultContents.EMPTY;
        int revision;
        boolean corrupted;
        final List<Runnable> listeners = new ArrayList<>();
    }

    final Map<String, Stored> stored = new TreeMap<>();
    /** When set, the next save throws this (e.g. QUOTA_EXCEEDED) and stores nothing. */
    VaultException failNextSave;
    int saves;

    @Override
    public List<String> names() {
        return new ArrayList<>(stored.keySet());
    }

    @Override
    public boolean exists(String name) {
        return stored.containsKey(name);
    }

    @Override
    public UnlockedVault create(String name, String password) {
        if (stored.containsKey(name)) {
            throw new VaultException(Kind.ALREADY_EXISTS, "A profile named " + name + " already exists.");
        }
        Stored s = new Stored();
        s.password = password;
        stored.put(name, s);
        return new Vault(name, s);
    }

    @Override
    public UnlockedVault unlock(String name, String password) {
        Stored s = stored.get(name);
        if (s == null) {
            throw new VaultException(Kind.NOT_FOUND, "No such profile.");
        }
        if (s.corrupted) {
            throw new VaultException(Kind.CORRUPTED, "This profile's data was modified or is corrupted.");
        }
        if (!s.password.equals(password)) {
            throw new VaultException(Kind.WRONG_PASSWORD, "Wrong password. Nothing was changed.");
        }
        return new Vault(name, s);
    }

    @Override
    public void delete(String name) {
        if (stored.remove(name) == null) {
            throw new VaultException(Kind.NOT_FOUND, "No such profile.");
        }
    }

    @Override
    public String exportRaw(String name) {
        return "raw:" + name;
    }

    @Override
    public void reset(String name) {
        stored.remove(name);
    }

    @Override
    public UnlockedVault importBackup(String backupText, String password, String asName) {
        String name = asName == null ? backupText.substring("backup:".length()) : asName;
        return create(name, password);
    }

    /** Another tab deletes the vault and the storage event fires here. */
    void deleteFromOtherTab(String name) {
        Stored s = stored.remove(name);
        for (Runnable listener : new ArrayList<>(s.listeners)) {
            listener.run();
        }
    }

    /** Another tab saves an edit of the stored contents and fires the storage event. */
    void saveFromOtherTab(String name, UnaryOperator<VaultContents> edit) {
        Stored s = stored.get(name);
        s.contents = edit.apply(s.contents);
        s.revision++;
        for (Runnable listener : new ArrayList<>(s.listeners)) {
            listener.run();
        }
    }

    final class Vault implements UnlockedVault {
        private final String name;
        private final Stored store;
        private VaultContents contents;
        private int revision;
        private boolean locked;

        Vault(String name, Stored store) {
            this.name = name;
            this.store = store;
            this.contents = store.contents;
            this.revision = store.revision;
        }

        private void checkOpen() {
            if (locked) {
                throw new VaultException(Kind.LOCKED, "The profile is locked.");
            }
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public VaultContents contents() {
            checkOpen();
            return contents;
        }

        @Override
        public VaultContents reload() {
            checkOpen();
            if (stored.get(name) != store) {
                throw new VaultException(Kind.NOT_FOUND, "The profile was deleted.");
            }
            contents = store.contents;
            revision = store.revision;
            return contents;
        }

        @Override
        public VaultContents update(UnaryOperator<VaultContents> edit) {
            checkOpen();
            if (failNextSave != null) {
                VaultException e = failNextSave;
                failNextSave = null;
                throw e;
            }
            if (store.revision < revision) {
                throw new VaultException(Kind.ROLLED_BACK, "An older copy replaced it.");
            }
            // Under the (here implicit) lock: start from what is stored, as the real vault does.
            contents = store.contents;
            revision = store.revision;
            VaultContents next = edit.apply(contents);
            saves++;
            store.contents = next;
            store.revision++;
            revision = store.revision;
            contents = next;
            return next;
        }

        @Override
        public StaleRecord staleOnUnlock() {
            return null;
        }

        @Override
        public void save(VaultContents next) {
            checkOpen();
            if (failNextSave != null) {
                VaultException e = failNextSave;
                failNextSave = null;
                throw e;
            }
            if (revision != store.revision) {
                throw new VaultException(Kind.CONFLICT, "Changed in another tab.");
            }
            saves++;
            store.contents = next;
            store.revision++;
            revision = store.revision;
            contents = next;
        }

        @Override
        public void changePassword(String oldPassword, String newPassword) {
            checkOpen();
            if (!store.password.equals(oldPassword)) {
                throw new VaultException(Kind.WRONG_PASSWORD, "Wrong password. Nothing was changed.");
            }
            store.password = newPassword;
            store.revision++;
            revision = store.revision;
        }

        @Override
        public String exportBackup() {
            checkOpen();
            return "backup:" + name;
        }

        @Override
        public void lock() {
            locked = true;
            contents = null;
            store.listeners.clear();
        }

        @Override
        public boolean isLocked() {
            return locked;
        }

        @Override
        public void onExternalChange(Runnable listener) {
            store.listeners.add(listener);
        }

        @Override
        public int storedBytes() {
            return 2 * (100 + 20 * store.contents.ratings().size());
        }
    }
}
