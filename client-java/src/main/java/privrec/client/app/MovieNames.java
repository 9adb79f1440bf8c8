package privrec.client.app;

import privrec.client.text.Titles;
import privrec.client.vault.RatedMovie;
import privrec.core.Item;

/**
 * How a movie is named to the user. A movie the current release offers has its catalog title; a rated movie the
 * catalog lacks or withdrew keeps the title stored with the rating and says it is gone, so an update never turns a
 * rating into "Movie #1285".
 */
final class MovieNames {
    /** Appended to the name of a rated movie the current release does not offer. */
    static final String NOT_IN_CATALOG = " — not in the current catalog";

    private MovieNames() {
    }

    /**
     * The plain title: the catalog's (a withdrawn movie is still in the catalog file), else the one stored with
     * the rating, else "Movie #id" (a rating from before titles were stored, of a movie no longer in the catalog).
     */
    static String title(ModelStatus model, RatedMovie rated, int movieId) {
        Item item = model.catalog() == null ? null : model.catalog().byId(movieId);
        if (item != null && (model.offered(movieId) != null || rated == null || rated.title() == null)) {
            return item.title();
        }
        return rated != null && rated.title() != null ? rated.title() : "Movie #" + movieId;
    }

    static int year(ModelStatus model, RatedMovie rated, int movieId) {
        Item item = model.catalog() == null ? null : model.catalog().byId(movieId);
        if (item != null && (model.offered(movieId) != null || rated == null || rated.title() == null)) {
            return item.year();
        }
        return rated == null ? 0 : rated.year();
    }

    /** "Heat (1995)", or "Heat (1995) — not in the current catalog" when the release does not offer it. */
    static String of(ModelStatus model, RatedMovie rated, int movieId) {
        String name = Titles.withYear(title(model, rated, movieId), year(model, rated, movieId));
        return model.catalog() != null && model.offered(movieId) == null ? name + NOT_IN_CATALOG : name;
    }
}
