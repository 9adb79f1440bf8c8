package privrec.client.vault;

/** The validation rules for names and passwords, in one place so the UI can show the same limits. */
public final class VaultRules {
    public static final int MAX_NAME_LENGTH = 40;
    public static final int MIN_PASSWORD_LENGTH = 8;

    private VaultRules() {
    }

    /**
     * The trimmed name.
     *
     * @throws VaultException INVALID_NAME when empty, longer than {@value #MAX_NAME_LENGTH}, or holding control
     *                        characters
     */
    public static String checkName(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw new VaultException(VaultException.Kind.INVALID_NAME, "Please enter a name.");
        }
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new VaultException(VaultException.Kind.INVALID_NAME,
                    "A name can have at most " + MAX_NAME_LENGTH + " characters.");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new VaultException(VaultException.Kind.INVALID_NAME,
                        "A name cannot contain line breaks, tabs or other control characters.");
            }
        }
        return trimmed;
    }

    /** Whether {@code name} is valid and already trimmed (what {@link #checkName} would return unchanged). */
    public static boolean isValidName(String name) {
        try {
            return checkName(name).equals(name);
        } catch (VaultException e) {
            return false;
        }
    }

    /** @throws VaultException WEAK_PASSWORD when shorter than {@value #MIN_PASSWORD_LENGTH} characters */
    public static void checkNewPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new VaultException(VaultException.Kind.WEAK_PASSWORD,
                    "The password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
    }
}
