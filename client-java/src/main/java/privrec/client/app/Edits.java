package privrec.client.app;

import privrec.client.vault.RatedMovie;
import privrec.core.Catalog;
import privrec.core.Profile;

/** The edits the UI makes, each a pure function of the current contents so the vault can apply it to the freshest stored contents. */
final class Edits {
    private Edits() {
    }

    /**
     * Rates a movie, storing {@code title} and {@code year} with the rating (so it stays named once a later
     * catalog drops the movie); a null title keeps the one the movie's earlier rating stored, if any.
     */
    static Edit rate(int movieId, float stars, double ratedAtMillis, String title, int year) {
        return current -> {
            RatedMovie previous = current.findRating(movieId);
            RatedMovie next = new RatedMovie(movieId, stars, ratedAtMillis, title, title == null ? 0 : year);
            return current.withRating(previous == null ? next : next.withTitleIfMissing(previous.title(),
                    previous.year()));
        };
    }

    /**
     * {@code edit}, then the catalog's titles stored with any rating that has none yet (ratings saved before
     * titles were kept), so those too keep their names once a later catalog drops the movie.
     */
    static Edit withTitlesFrom(Catalog catalog, Edit edit) {
        return catalog == null ? edit : current -> edit.apply(current).withMissingTitles(catalog);
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
