package privrec.client.vault;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@link VaultStore} over any {@link KeyValueStorage} and {@link VaultCrypto}; the browser wiring is
 * {@link BrowserVaults#open()}.
 *
 * <h2>Storage layout</h2>
 * One key per vault, {@code privrec.vault.<name>}, holding one {@link VaultRecord} JSON text (salt, KDF
 * parameters, format version and revision in clear; contents only as AES-GCM ciphertext). There is no separate
 * index: {@link #names()} lists the keys with that prefix, so the list can never disagree with the vaults.
 *
 * <h2>Why writes cannot leave a vault unreadable</h2>
 * Every change — create, save, change password, import — is complete in memory (encrypted, serialised) before
 * it touches storage, and then lands with a single {@code setItem} on the vault's single key. localStorage
 * replaces one key's value atomically: a tab that dies mid-write leaves the old or the new record, and a
 * {@code setItem} that throws QuotaExceededError leaves the old value. No second key has to agree with it.
 *
 * <h2>Two tabs</h2>
 * An {@link UnlockedVault} remembers the exact record text it last read or wrote (which carries the revision).
 * Before writing it re-reads the key; if the text differs (another tab saved, changed the password or reset the
 * vault) it throws CONFLICT and writes nothing; the app calls {@link UnlockedVault#reload()} and re-applies its
 * change. The read and the write follow each other with no await in between, so within one tab nothing can
 * interleave; across tabs localStorage offers no lock, which leaves a window of microseconds, and the
 * {@code storage} event ({@link UnlockedVault#onExternalChange}) still tells the other tab.
 */
public final class LocalVaultStore implements VaultStore {
    /** PBKDF2-SHA256 iterations for every vault created or re-keyed in the browser (OWASP 2023 figure). */
    public static final int ITERATIONS = 600_000;
    static final String KEY_PREFIX = "privrec.vault.";

    private final KeyValueStorage storage;
    private final Sealing sealing;
    private final int iterations;

    /** The production store: always {@link #ITERATIONS}. */
    public LocalVaultStore(KeyValueStorage storage, VaultCrypto crypto) {
        this(storage, crypto, ITERATIONS);
    }

    /** Package-private on purpose: only JVM unit tests may lower the iteration count (for speed). */
    LocalVaultStore(KeyValueStorage storage, VaultCrypto crypto, int iterations) {
        this.storage = storage;
        this.sealing = new Sealing(crypto);
        this.iterations = iterations;
    }

    static String storageKey(String name) {
        return KEY_PREFIX + name;
    }

    @Override
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (String key : storage.keys()) {
            // A key this app could not have written (e.g. made by hand) is not listed: it could not be opened.
            if (key.startsWith(KEY_PREFIX) && VaultRules.isValidName(key.substring(KEY_PREFIX.length()))) {
                names.add(key.substring(KEY_PREFIX.length()));
            }
        }
        Collections.sort(names);
        return names;
    }

    @Override
    public boolean exists(String name) {
        return storage.get(storageKey(VaultRules.checkName(name))) != null;
    }

    @Override
    public UnlockedVault create(String name, String password) {
        String checked = VaultRules.checkName(name);
        VaultRules.checkNewPassword(password);
        refuseExisting(checked);
        Sealing.Credentials credentials = sealing.newCredentials(password, iterations);
        return store(checked, credentials, VaultContents.EMPTY);
    }

    @Override
    public UnlockedVault unlock(String name, String password) {
        String checked = VaultRules.checkName(name);
        String what = "the vault \"" + checked + "\"";
        String text = read(checked);
        VaultRecord record = VaultRecord.parse(text, VaultRecord.STORED_FORMAT, what);
        Sealing.Credentials credentials = sealing.tryPassword(password, record);
        if (credentials == null) {
            throw new VaultException(VaultException.Kind.WRONG_PASSWORD,
                    "That password does not open the vault \"" + checked + "\". Nothing was changed.");
        }
        VaultContents contents = sealing.open(credentials, record, checked, what);
        return new OpenVault(this, checked, credentials, record.revision(), text, contents);
    }

    @Override
    public void delete(String name) {
        String checked = VaultRules.checkName(name);
        read(checked);
        storage.remove(storageKey(checked));
    }

    @Override
    public String exportRaw(String name) {
        return read(VaultRules.checkName(name));
    }

    @Override
    public void reset(String name) {
        storage.remove(storageKey(VaultRules.checkName(name)));
    }

    @Override
    public UnlockedVault importBackup(String backupText, String password, String asName) {
        String what = "this backup";
        VaultRecord backup = VaultRecord.parse(backupText, VaultRecord.BACKUP_FORMAT, what);
        if (backup.name() == null) {
            throw VaultRecord.damaged(VaultRecord.BACKUP_FORMAT, what, null);
        }
        String target = VaultRules.checkName(asName == null || asName.isBlank() ? backup.name() : asName);
        // Checked before the slow key derivation, and again before writing.
        refuseExisting(target);
        Sealing.Credentials old = sealing.tryPassword(password, backup);
        if (old == null) {
            throw new VaultException(VaultException.Kind.WRONG_PASSWORD,
                    "That password does not open this backup. Nothing was imported.");
        }
        VaultContents contents = sealing.open(old, backup, backup.name(), what);
        // A fresh salt: every stored vault has its own, even one imported twice under two names.
        return store(target, sealing.newCredentials(password, iterations), contents);
    }

    private UnlockedVault store(String name, Sealing.Credentials credentials, VaultContents contents) {
        int revision = 1;
        String text = sealing.seal(credentials, name, revision, contents, VaultRecord.STORED_FORMAT, null).toJson();
        refuseExisting(name);
        write(name, text);
        return new OpenVault(this, name, credentials, revision, text, contents);
    }

    private void refuseExisting(String name) {
        if (storage.get(storageKey(name)) != null) {
            throw new VaultException(VaultException.Kind.ALREADY_EXISTS,
                    "There is already a vault called \"" + name + "\" on this device.");
        }
    }

    /** The stored text, or NOT_FOUND. */
    String read(String name) {
        String text = storage.get(storageKey(name));
        if (text == null) {
            throw new VaultException(VaultException.Kind.NOT_FOUND,
                    "There is no vault called \"" + name + "\" on this device (any more).");
        }
        return text;
    }

    /** One setItem; QUOTA_EXCEEDED leaves the previous value in place. */
    void write(String name, String text) {
        try {
            storage.set(storageKey(name), text);
        } catch (KeyValueStorage.QuotaExceededException e) {
            throw new VaultException(VaultException.Kind.QUOTA_EXCEEDED,
                    "The browser's storage for this site is full, so this change was not saved. Your vault is "
                            + "as it was before the change.", e);
        }
    }

    KeyValueStorage storage() {
        return storage;
    }

    Sealing sealing() {
        return sealing;
    }

    int iterations() {
        return iterations;
    }
}
