package privrec.client.vault;

import privrec.core.Rating;

/**
 * One rating kept in the vault.
 *
 * @param movieId       external movie id (positive)
 * @param stars         0.5 to 5 stars, half stars allowed
 * @param ratedAtMillis when it was rated, milliseconds since 1970 (a {@code double}, not a {@code long}: Java
 *                      {@code long} is a BigInt in TeaVM's JavaScript); stored to the whole millisecond
 * @param title         the movie's title when it was rated, or null (ratings saved before titles were kept): what
 *                      "My ratings" shows once a later catalog no longer has the movie
 * @param year          the movie's year when it was rated, 0 when unknown
 */
public record RatedMovie(int movieId, float stars, double ratedAtMillis, String title, int year) {
    public RatedMovie {
        // Rating validates id and stars with the same limits the pipeline uses.
        new Rating(movieId, stars);
        if (!(ratedAtMillis >= 0) || Double.isInfinite(ratedAtMillis)) {
            throw new IllegalArgumentException("rating time " + ratedAtMillis + " must be a finite number >= 0");
        }
        if (title != null && title.isEmpty()) {
            title = null;
        }
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("year " + year + " is outside 0..9999");
        }
    }

    /** A rating whose title is not known (as stored before titles were kept). */
    public RatedMovie(int movieId, float stars, double ratedAtMillis) {
        this(movieId, stars, ratedAtMillis, null, 0);
    }

    /** The same rating with the title it was given, unless it already has one. */
    public RatedMovie withTitleIfMissing(String knownTitle, int knownYear) {
        return title != null || knownTitle == null ? this
                : new RatedMovie(movieId, stars, ratedAtMillis, knownTitle, knownYear);
    }

    /** The pipeline's view of this rating (without the time). */
    public Rating toRating() {
        return new Rating(movieId, stars);
    }
}
