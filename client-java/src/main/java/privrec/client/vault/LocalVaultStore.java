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
 * Every read-modify-write of a record runs under the vault's {@link VaultLocks} lock (the Web Locks API in the
 * browser). Inside it the vault re-reads the key — waiting while the read is older than the {@link RevisionLedger}
 * says the last writer left it ({@link #readFresh}: Chromium's per-tab copies of localStorage lag by milliseconds) —
 * and if another tab saved since, it takes that record (and its revision) and re-applies its own edit to it
 * ({@link UnlockedVault#update}) before writing revision + 1 and raising the ledger, all before the lock is released. An
 * {@link UnlockedVault} also remembers the exact record text it last read or wrote, so {@link UnlockedVault#save}
 * of a finished value still refuses (CONFLICT) rather than overwrite a newer record, and the {@code storage} event
 * ({@link UnlockedVault#onExternalChange}) tells the other tab to reload. Where the Web Locks API is missing, the
 * fallback serialises writers within the tab only and the compare-and-set is what guards against other tabs.
 *
 * <h2>Rollback</h2>
 * An open vault never takes a record whose revision is lower than the one it holds (ROLLED_BACK; its newer data
 * stays in memory, ready to export). Outside the records, in a {@link RevisionLedger} (IndexedDB in the browser),
 * the store keeps the highest revision this browser has seen for each profile; unlocking an older record opens it
 * but reports a {@link StaleRecord}. Someone who can rewrite all of this origin's storage can roll back the record
 * and the ledger together; the ledger only catches a record restored on its own.
 *
 * <h2>Length hiding</h2>
 * The plaintext is padded before encryption (see {@link Padding}), so the record's size tells the number of
 * ratings only to within a factor of two.
  */
public final class LocalVaultStore implements VaultStore {
    /** PBKDF2-SHA256 iterations for every vault created or re-keyed in the browser (OWASP 2023 figure). */
    public static final int ITERATIONS = 600_000;
    static final String KEY_PREFIX = "privrec.vault.";

    private final KeyValueStorage storage;
    private final Sealing sealing;
    /**
     * How long a read below the ledger's revision is retried before it counts as a rollback: another tab's write
     * reaches this tab's copy of localStorage within milliseconds; this leaves room for a busy machine.
     */
    static final int FRESH_READ_WAIT_MILLIS = 1500;
    private static final int FRESH_READ_POLL_MILLIS = 5;

    private final VaultLocks locks;
    private final RevisionLedger ledger;
    private final int iterations;
    private final int freshReadWaitMillis;

    /** The production store: always {@link #ITERATIONS}. */
    public LocalVaultStore(KeyValueStorage storage, VaultCrypto crypto, VaultLocks locks, RevisionLedger ledger) {
        this(storage, crypto, locks, ledger, ITERATIONS, FRESH_READ_WAIT_MILLIS);
    }

    /** Package-private on purpose: only JVM unit tests may lower the iteration count (for speed). */
    LocalVaultStore(KeyValueStorage storage, VaultCrypto crypto, VaultLocks locks, RevisionLedger ledger,
                    int iterations, int freshReadWaitMillis) {
        this.storage = storage;
        this.sealing = new Sealing(crypto);
        this.locks = locks;
        this.ledger = ledger;
        this.iterations = iterations;
        this.freshReadWaitMillis = freshReadWaitMillis;
    }

    static String storageKey(String name) {
        return KEY_PREFIX + name;
    }

    /** The lock name that serialises every writer of one vault record across tabs. */
    static String lockName(String name) {
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
        VaultRecord first = VaultRecord.parse(read(checked), VaultRecord.STORED_FORMAT, what);
        Sealing.Credentials credentials = sealing.tryPassword(password, first);
        if (credentials == null) {
            throw new VaultException(VaultException.Kind.WRONG_PASSWORD,
                    "That password does not open the vault \"" + checked + "\". Nothing was changed.");
        }
        // Read again once the key is derived: another tab may have saved meanwhile (under the lock, so the
        // record is not taken half-way through someone's write).
        return locks.withLock(lockName(checked), () -> {
            String text = readFresh(checked);
            VaultRecord record = VaultRecord.parse(text, VaultRecord.STORED_FORMAT, what);
            Sealing.Credentials key = credentials;
            if (!java.util.Arrays.equals(record.salt(), first.salt())) {
                // Re-keyed since the first read (a password change in another tab): the password is checked again.
                key = sealing.tryPassword(password, record);
                if (key == null) {
                    throw new VaultException(VaultException.Kind.WRONG_PASSWORD, "That password does not open the "
                            + "vault \"" + checked + "\" (its password was just changed in another tab).");
                }
            }
            VaultContents contents = sealing.open(key, record, checked, what);
            int seen = ledger.get(checked);
            StaleRecord stale = record.revision() < seen ? new StaleRecord(record.revision(), seen) : null;
            if (stale == null) {
                ledger.raise(checked, record.revision());
            }
            return new OpenVault(this, checked, key, record.revision(), text, contents, stale);
        });
    }

    @Override
    public void delete(String name) {
        String checked = VaultRules.checkName(name);
        read(checked);
        storage.remove(storageKey(checked));
        ledger.forget(checked);
    }

    @Override
    public String exportRaw(String name) {
        return read(VaultRules.checkName(name));
    }

    @Override
    public void reset(String name) {
        String checked = VaultRules.checkName(name);
        storage.remove(storageKey(checked));
        // Deliberately thrown away: the next vault of this name starts again at revision 1.
        ledger.forget(checked);
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
        return locks.withLock(lockName(name), () -> {
            refuseExisting(name);
            write(name, text);
            ledger.forget(name);
            ledger.raise(name, revision);
            return new OpenVault(this, name, credentials, revision, text, contents, null);
        });
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

    /**
     * The stored text, waiting (up to {@link #FRESH_READ_WAIT_MILLIS}) while its revision is below the ledger's:
     * this tab's copy of localStorage has not yet received another tab's write. After the wait the record is
     * returned as it is, and a record still below the ledger is then a rollback for the caller to refuse or report.
     *
     * @throws VaultException NOT_FOUND
     */
    String readFresh(String name) {
        String text = read(name);
        int latest = ledger.get(name);
        long deadline = System.currentTimeMillis() + freshReadWaitMillis;
        while (revisionOf(text) < latest && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(FRESH_READ_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            text = read(name);
        }
        return text;
    }

    /** The record's revision, or MAX_VALUE when it does not parse (it is then refused by whoever opens it). */
    private static int revisionOf(String text) {
        try {
            return VaultRecord.parse(text, VaultRecord.STORED_FORMAT, "the vault").revision();
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    RevisionLedger ledger() {
        return ledger;
    }

    KeyValueStorage storage() {
        return storage;
    }

    VaultLocks locks() {
        return locks;
    }

    Sealing sealing() {
        return sealing;
    }

    int iterations() {
        return iterations;
    }
}
