package privrec.client.vault;

/**
 * {@link RevisionLedger} in the same key-value storage as the vaults, under {@code privrec.seen.<name>}: enough for
 * rollback detection, but as stale as the records themselves across tabs, so only the fallback where IndexedDB is
 * missing (HtmlUnit) and the JVM tests' store.
 */
public final class StorageRevisionLedger implements RevisionLedger {
    static final String PREFIX = "privrec.seen.";

    private final KeyValueStorage storage;

    public StorageRevisionLedger(KeyValueStorage storage) {
        this.storage = storage;
    }

    static String key(String name) {
        return PREFIX + name;
    }

    @Override
    public int get(String name) {
        String text = storage.get(key(name));
        if (text == null || text.isEmpty() || text.length() > 9) {
            return 0;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return 0;
            }
        }
        return Integer.parseInt(text);
    }

    @Override
    public void raise(String name, int revision) {
        if (revision <= get(name)) {
            return;
        }
        try {
            storage.set(key(name), Integer.toString(revision));
        } catch (RuntimeException e) {
            // A full storage loses only the hint; the vault write before it stands on its own.
        }
    }

    @Override
    public void forget(String name) {
        storage.remove(key(name));
    }
}
