package privrec.client.app;

/**
 * One line of "My ratings": a rated movie with its title.
 *
 * @param title   the catalog's title, or for a movie the release does not offer the title stored when it was rated
 * @param offered false when the current catalog lacks the movie or withdrew it: the rating is kept (and still
 *                feeds the model when it has the column) but the movie has no page and is shown as
 *                {@link #displayTitle()}
 */
public record RatingRow(int movieId, String title, int year, float stars, double ratedAtMillis, boolean offered) {
    /** The title as shown: with " — not in the current catalog" when the release does not offer the movie. */
    public String displayTitle() {
        return offered ? title : privrec.client.text.Titles.withYear(title, year) + MovieNames.NOT_IN_CATALOG;
    }
}
