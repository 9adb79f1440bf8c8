package privrec.client.vault;

/**
 * A vault operation that failed for a reason the user should hear about. {@link #getMessage()} is a complete
 * human sentence the UI may show as is; {@link #kind()} lets the UI choose what to offer next (retry, reset,
 * reload, ...).
 */
public class VaultException extends RuntimeException {
    /** Why a vault operation failed. */
    public enum Kind {
        /** The password does not open this vault. Nothing was changed. */
        WRONG_PASSWORD,
        /** The stored data was modified or damaged. Nothing was overwritten; export it raw or reset the vault. */
        CORRUPTED,
        /** The browser's storage is full. The previously saved vault is intact. */
        QUOTA_EXCEEDED,
        /** Another tab saved this vault since it was unlocked here. Unlock again (reload) and re-apply the change. */
        CONFLICT,
        /** A vault with this name already exists. */
        ALREADY_EXISTS,
        /** There is no vault with this name (never created, or deleted, perhaps in another tab). */
        NOT_FOUND,
        /** The name is empty, too long, or contains control characters. */
        INVALID_NAME,
        /** The new password is too short. */
        WEAK_PASSWORD,
        /** The data was written by a newer (or unknown) format version, or is not a vault at all. */
        UNSUPPORTED_VERSION,
        /** This browser (or an insecure http:// page) offers no WebCrypto PBKDF2/AES-GCM. */
        CRYPTO_UNAVAILABLE,
        /** The browser refuses access to local storage (disabled, or blocked by privacy settings). */
        STORAGE_UNAVAILABLE,
        /** The vault has been locked; unlock it again. */
        LOCKED,
        /**
         * The stored record is older than the one this session holds (an older copy was put back). Nothing was
         * written and the newer data is still in memory: export a backup of it.
         */
        ROLLED_BACK
    }

    private final Kind kind;

    public VaultException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public VaultException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
