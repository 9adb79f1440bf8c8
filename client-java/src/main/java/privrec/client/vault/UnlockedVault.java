package privrec.client.vault;

/**
 * One vault, decrypted. Holds the key (non-extractable in the browser) and the plaintext until {@link #lock()}.
 * After lock every method except {@link #name()}, {@link #isLocked()} and {@link #lock()} throws
 * VaultException LOCKED.
 */
public interface UnlockedVault {
    String name();

    /** The contents as last unlocked or saved from this object. */
    VaultContents contents();

    /**
     * Re-reads the stored vault with the key already held (no password, no PBKDF2) and makes it the current
     * contents and revision; the way to recover from CONFLICT or to follow {@link #onExternalChange}.
     *
     * @return the new {@link #contents()}
     * @throws VaultException NOT_FOUND when deleted meanwhile; CORRUPTED; LOCKED (also when another tab changed
     *                        the password: this object then locks itself and the user must unlock again)
     */
    VaultContents reload();

    /**
     * Encrypts {@code next} with a fresh IV and stores it in one write. On success {@link #contents()} becomes
     * {@code next}; on failure nothing changes, in storage or here.
     *
     * @throws VaultException CONFLICT when another tab saved since this one unlocked or last saved (unlock again
     *                        and re-apply the change); NOT_FOUND when the vault was deleted meanwhile;
     *                        QUOTA_EXCEEDED; LOCKED
     */
    void save(VaultContents next);

    /**
     * Re-encrypts the vault under {@code newPassword} with a new salt, in one write.
     *
     * @throws VaultException WRONG_PASSWORD when {@code oldPassword} is not the current password; WEAK_PASSWORD;
     *                        CONFLICT; QUOTA_EXCEEDED; LOCKED
     */
    void changePassword(String oldPassword, String newPassword);

    /**
     * An encrypted, self-describing JSON backup of the current contents (format, name, KDF parameters, salt, IV,
     * ciphertext in base64) that {@link VaultStore#importBackup} accepts with the same password on any device.
     */
    String exportBackup();

    /** Drops the key and the plaintext references. Idempotent. Also stops {@link #onExternalChange} callbacks. */
    void lock();

    boolean isLocked();

    /**
     * Calls {@code listener} when another tab changes or deletes this vault (the browser's {@code storage}
     * event). It runs in the browser's event dispatch, not on a TeaVM thread: it must not block; start a
     * {@code Thread} for anything that awaits.
     */
    void onExternalChange(Runnable listener);

    /** How much local storage this vault uses, in bytes as browsers count quota (UTF-16: 2 per character). */
    int storedBytes();
}
