package privrec.client.vault;

import java.util.List;

/**
 * The vaults kept on this device, one per local user, each encrypted with its own password.
 *
 * <p>Unlocking is logging in. The UI asks for the password twice and calls {@link #create} when
 * {@link #exists} is false ("the first unlock of a new name creates the vault"), else {@link #unlock}.
 *
 * <p>Names are trimmed; a valid name has 1–40 characters and no control characters. Passwords for new vaults
 * need at least {@value VaultRules#MIN_PASSWORD_LENGTH} characters. Every method that derives a key
 * ({@code create}, {@code unlock}, {@code importBackup}, {@code changePassword}) runs PBKDF2 with 600,000
 * iterations in the browser and blocks the calling TeaVM thread for up to about a second — call it from a TeaVM
 * thread (not directly from a DOM listener).
 *
 * <p>All failures are {@link VaultException}s whose message is a sentence for the user.
 */
public interface VaultStore {
    /** The names of the vaults on this device, sorted; nothing else about them is readable without a password. */
    List<String> names();

    /**
     * Whether a vault (readable or not) is stored under this name.
     *
     * @throws VaultException INVALID_NAME (so the unlock form can say what is wrong with the name)
     */
    boolean exists(String name);

    /**
     * Creates an empty vault and returns it unlocked.
     *
     * @throws VaultException INVALID_NAME, WEAK_PASSWORD, ALREADY_EXISTS, QUOTA_EXCEEDED, CRYPTO_UNAVAILABLE
     */
    UnlockedVault create(String name, String password);

    /**
     * Decrypts the vault. Never writes anything.
     *
     * @throws VaultException NOT_FOUND, WRONG_PASSWORD, CORRUPTED, UNSUPPORTED_VERSION, CRYPTO_UNAVAILABLE
     */
    UnlockedVault unlock(String name, String password);

    /**
     * Removes the vault for good.
     *
     * @throws VaultException NOT_FOUND
     */
    void delete(String name);

    /**
     * The stored (encrypted) text exactly as kept, even when it no longer decrypts, so a user can keep a copy of a
     * corrupted vault before resetting it.
     *
     * @throws VaultException NOT_FOUND
     */
    String exportRaw(String name);

    /** Deliberately discards the stored vault, readable or not (the way out of CORRUPTED); no-op when absent. */
    void reset(String name);

    /**
     * Imports a backup written by {@link UnlockedVault#exportBackup} (on this or another device) under
     * {@code asName} (null = the name inside the backup), and returns it unlocked.
     *
     * @throws VaultException INVALID_NAME, ALREADY_EXISTS, WRONG_PASSWORD, CORRUPTED, UNSUPPORTED_VERSION,
     *                        QUOTA_EXCEEDED, CRYPTO_UNAVAILABLE
     */
    UnlockedVault importBackup(String backupText, String password, String asName);
}
