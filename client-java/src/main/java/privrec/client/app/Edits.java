package privrec.client.app;

import privrec.client.vault.RatedMovie;
import privrec.core.Profile;

/** The edits the UI makes, each a pure function of the current contents so the vault can apply it to the freshest stored contents. */
final class Edits {
    private Edits() {
    }

    static Edit rate(int movieId, float stars, double ratedAtMillis) {
        return current -> current.withRating(new RatedMovie(movieId, stars, ratedAtMillis));
    }

    static Edit removeRating(int movieId) {
        return current -> current.withoutRating(movieId);
    }

    /** Puts back exactly what was there before: the old rating with its old time, or no rating at all. */
    static Edit restoreRating(int movieId, RatedMovie previous) {
        return previous == null ? removeRating(movieId) : current -> current.withRating(previous);
    }

    static Edit dismiss(int movieId, boolean dismissed) {
        return dismissed ? current -> current.withDismissed(movieId) : current -> current.withoutDismissed(movieId);
    }

    static Edit profile(Profile profile) {
        return current -> current.withProfile(profile);
    }

    static Edit setting(String key, String value) {
        return current -> current.withSetting(key, value);
    }
}
