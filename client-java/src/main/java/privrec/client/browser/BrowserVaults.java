package privrec.client.browser;

import privrec.client.js.storage.IndexedDbRevisionLedger;
import privrec.client.js.storage.LocalStorageKeyValueStorage;
import privrec.client.js.storage.WebLocks;
import privrec.client.js.webcrypto.WebCryptoVaultCrypto;
import privrec.client.vault.KeyValueStorage;
import privrec.client.vault.LocalVaultStore;
import privrec.client.vault.RevisionLedger;
import privrec.client.vault.StorageRevisionLedger;
import privrec.client.vault.VaultStore;

/**
 * The browser's {@link VaultStore}: WebCrypto, {@code window.localStorage} and its {@code storage} event, and the
 * Web Locks API around every write.
 */
public final class BrowserVaults {
    private BrowserVaults() {
    }

    /**
     * Opens the store (no key derivation happens here; listing names works even where WebCrypto is missing, and
     * the first create/unlock then throws CRYPTO_UNAVAILABLE). Always {@value LocalVaultStore#ITERATIONS}
     * PBKDF2 iterations.
     *
     * @throws privrec.client.vault.VaultException STORAGE_UNAVAILABLE when the browser refuses localStorage
     */
    public static VaultStore open() {
        LocalStorageKeyValueStorage storage = LocalStorageKeyValueStorage.open();
        return new LocalVaultStore(storage, new WebCryptoVaultCrypto(), new WebLocks(), ledger(storage));
    }

    /** IndexedDB where it opens (Chromium, Firefox, Safari); else the same-tab fallback in localStorage. */
    private static RevisionLedger ledger(KeyValueStorage storage) {
        if (IndexedDbRevisionLedger.available()) {
            try {
                return IndexedDbRevisionLedger.open();
            } catch (RuntimeException e) {
                // e.g. private browsing modes that refuse IndexedDB: fall through
            }
        }
        return new StorageRevisionLedger(storage);
    }
}
