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
     *                        the password: this object then locks itself and the user must unlock again);
     *                        ROLLED_BACK when the stored record is older than the one held (the held one stays)
     */
    VaultContents reload();

    /**
     * The edit-and-save that no other tab can interleave with: under the vault's cross-tab lock it re-reads the
     * record, takes another tab's newer save if there is one, applies {@code edit} to the result, and writes it
     * with a fresh IV as revision + 1. So two tabs editing at once both keep their changes.
     *
     * @return the contents now stored (also {@link #contents()})
     * @throws VaultException ROLLED_BACK when the stored record is older than this object's (nothing written, the
     *                        newer contents kept here); NOT_FOUND; LOCKED; CORRUPTED; QUOTA_EXCEEDED
     */
    VaultContents update(java.util.function.UnaryOperator<VaultContents> edit);

    /** Set when unlock opened a record older than this browser had seen for the profile; null otherwise. */
    StaleRecord staleOnUnlock();

    /**
     * Encrypts {@code next} with a fresh IV and stores it in one write. On success {@link #contents()} becomes
     * {@code next}; on failure nothing changes, in storage or here.
     *
     * <p>Compare-and-set under the cross-tab lock: prefer {@link #update}, which re-applies an edit instead.
     *
     * @throws VaultException CONFLICT when another tab saved since this one unlocked or last saved (reload and
     *                        re-apply the change); ROLLED_BACK when the stored record is older than this one's;
     *                        NOT_FOUND when the vault was deleted meanwhile; QUOTA_EXCEEDED; LOCKED
     */
    void save(VaultContents next);

    /**
     * Re-encrypts the vault under {@code newPassword} with a new salt, in one write under the cross-tab lock; a
     * newer save of another tab is taken first, so it is re-encrypted too.
     *
     * @throws VaultException WRONG_PASSWORD when {@code oldPassword} is not the current password; WEAK_PASSWORD;
     *                        ROLLED_BACK; QUOTA_EXCEEDED; LOCKED
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
