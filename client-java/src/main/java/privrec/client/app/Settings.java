package privrec.client.app;

import privrec.core.Genres;

/**
 * Choices remembered in the open profile's vault: the home page's genre filter, the auto-lock delay and whether
 * onboarding is done. Not undoable actions: changing one leaves the Undo bar as it was.
 */
public final class Settings {
    /** Settings keys kept in the vault. */
    static final String GENRE = "genre";
    static final String AUTO_LOCK = "autoLockMinutes";
    /** "true" once the user finished or skipped onboarding, so it is not offered again after every unlock. */
    static final String ONBOARDED = "onboardingDone";

    private final AppContext context;

    Settings(AppContext context) {
        this.context = context;
    }

    /** Takes the saved choices of a profile just opened. */
    void load(Session session) {
        context.autoLock.setMinutes(parseMinutes(session.contents().settings().get(AUTO_LOCK)));
        context.onboardingDone = "true".equals(session.contents().settings().get(ONBOARDED))
                || !session.contents().ratings().isEmpty() || !session.contents().profile().isEmpty();
    }

    /** The saved genre filter: an index into {@link Genres#NAMES}, or -1 for all genres. */
    public int genreFilter() {
        return context.session == null ? -1 : genreOf(context.session.contents());
    }

    /** The genre filter saved in {@code contents}, as {@link #genreFilter} reads it. */
    static int genreOf(privrec.client.vault.VaultContents contents) {
        String saved = contents.settings().get(GENRE);
        int genre = -1;
        if (saved != null) {
            try {
                genre = Integer.parseInt(saved);
            } catch (NumberFormatException e) {
                genre = -1;
            }
        }
        return genre >= -1 && genre < Genres.NAMES.size() ? genre : -1;
    }

    public void setGenreFilter(int genre) {
        if (genre < -1 || genre >= Genres.NAMES.size()) {
            throw new UserError("Unknown genre.");
        }
        if (genre != genreFilter()) {
            context.requireSession().applyKeepingUndo(Edits.setting(GENRE, String.valueOf(genre)));
            context.changed();
        }
    }

    public int autoLockMinutes() {
        return context.autoLock.minutes();
    }

    public void setAutoLockMinutes(int minutes) {
        context.autoLock.setMinutes(minutes);
        context.requireSession().applyKeepingUndo(Edits.setting(AUTO_LOCK, String.valueOf(minutes)));
        context.changed();
    }

    public boolean needsOnboarding() {
        return context.session != null && !context.onboardingDone;
    }

    /** Onboarding finished or skipped: remembered in the vault, so the next unlock goes straight home. */
    public void finishOnboarding() {
        context.onboardingDone = true;
        try {
            Session s = context.requireSession();
            if (!"true".equals(s.contents().settings().get(ONBOARDED))) {
                s.applyKeepingUndo(Edits.setting(ONBOARDED, "true"));
            }
        } finally {
            context.changed();
        }
    }

    private static int parseMinutes(String text) {
        if (text != null) {
            try {
                int minutes = Integer.parseInt(text);
                if (minutes >= 1 && minutes <= 24 * 60) {
                    return minutes;
                }
            } catch (NumberFormatException e) {
                // A setting from another version: fall back to the default.
            }
        }
        return AutoLock.DEFAULT_MINUTES;
    }
}
