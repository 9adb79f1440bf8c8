package privrec.client.app;

import java.util.List;

import privrec.client.vault.UnlockedVault;
import privrec.client.vault.VaultException;

/**
 * The profiles on this device and the open one's lifecycle: create, unlock, import, lock (by hand or when idle),
 * change password, export, delete, and taking in changes another tab saved.
 */
public final class SessionActions {
    private final AppContext context;
    private final Settings settings;

    SessionActions(AppContext context, Settings settings) {
        this.context = context;
        this.settings = settings;
    }

    /** Names of the profiles on this device (names only: nothing else is readable without a password). */
    public List<String> profileNames() {
        return context.store.names();
    }

    public boolean profileExists(String name) {
        return context.store.exists(name);
    }

    /** Creates a profile: the password is typed twice, so a typo cannot lock the user out of new data. */
    public void create(String name, String password, String repeated) {
        if (password == null || !password.equals(repeated)) {
            throw new UserError("The two passwords differ. Please type the same password twice.");
        }
        start(context.store.create(name, password));
        context.onboardingDone = false;
    }

    public void unlock(String name, String password) {
        if (password == null || password.isEmpty()) {
            throw new UserError("Please enter the password of this profile.");
        }
        start(context.store.unlock(name, password));
    }

    /** Imports a backup file under its own name (or {@code asName}) and opens it. */
    public void importBackup(String backupText, String password, String asName) {
        if (backupText == null || backupText.isBlank()) {
            throw new UserError("Please choose a backup file first.");
        }
        start(context.store.importBackup(backupText, password, asName == null || asName.isBlank() ? null : asName));
    }

    /** Makes {@code vault} the open session (locking any other first). */
    private void start(UnlockedVault vault) {
        context.lockQuietly();
        Session session = new Session(vault);
        context.session = session;
        context.vaultWarning = vault.staleOnUnlock() == null ? null : vault.staleOnUnlock().sentence();
        settings.load(session);
        context.autoLock.touch(context.clock.nowMillis());
        // Another tab saved: take its data (the vault re-reads with the key it holds; no password needed).
        // The storage event is not a TeaVM thread and reload() awaits WebCrypto: hand it to the background.
        vault.onExternalChange(() -> context.background.accept(this::externalChange));
        context.changed();
        context.contributions.sessionStarted();
    }

    /** Called when another tab changed this vault; re-reads and tells the views. */
    public void externalChange() {
        if (context.session == null) {
            return;
        }
        try {
            context.session.reload();
        } catch (VaultException e) {
            if (e.kind() == VaultException.Kind.ROLLED_BACK) {
                // An older copy replaced the record: keep the newer data open here and say so.
                context.vaultWarning = e.getMessage();
            } else {
                // Deleted or re-keyed elsewhere: the only safe state is locked.
                context.lockQuietly();
            }
        } catch (RuntimeException e) {
            context.lockQuietly();
        }
        context.changed();
        if (context.session != null) {
            context.contributions.modelOrDataChanged();
        }
    }

    /** Drops the key and every decrypted byte held by this page. */
    public void lock() {
        context.lockQuietly();
        context.changed();
    }

    /**
     * A standing warning about the open profile's stored data (an older copy was put back), shown until lock;
     * null when there is none.
     */
    public String vaultWarning() {
        return context.vaultWarning;
    }

    /** The user did something (key, pointer): postpone auto-lock. */
    public void activity() {
        context.autoLock.touch(context.clock.nowMillis());
    }

    /** True when a profile is open and the idle limit has passed: cheap, for a periodic timer. */
    public boolean isIdleTooLong() {
        return context.session != null && context.autoLock.isDue(context.clock.nowMillis());
    }

    /** Locks when idle for too long (checked again: activity may have come in meanwhile); true if it locked. */
    public boolean lockIfIdle() {
        if (isIdleTooLong()) {
            lock();
            return true;
        }
        return false;
    }

    /** The raw stored text of a profile (even an unreadable one), for the user to keep before a reset. */
    public String exportRaw(String name) {
        return context.store.exportRaw(name);
    }

    /** Discards a (corrupted) profile on purpose. */
    public void resetProfile(String name) {
        context.store.reset(name);
        context.changed();
    }

    /** Deletes the open profile and locks. */
    public void deleteOpenProfile() {
        String name = context.requireSession().name();
        context.lockQuietly();
        context.store.delete(name);
        context.changed();
    }

    public String exportBackup() {
        return context.requireSession().vault().exportBackup();
    }

    public void changePassword(String oldPassword, String newPassword, String repeated) {
        if (newPassword == null || !newPassword.equals(repeated)) {
            throw new UserError("The two new passwords differ. Please type the same new password twice.");
        }
        context.requireSession().vault().changePassword(oldPassword, newPassword);
    }

    public int storedBytes() {
        return context.requireSession().vault().storedBytes();
    }
}
