package privrec.client.vault;

import privrec.core.Rating;

/**
 * One rating kept in the vault.
 *
 * @param movieId       external movie id (positive)
 * @param stars         0.5 to 5 stars, half stars allowed
 * @param ratedAtMillis when it was rated, milliseconds since 1970 (a {@code double}, not a {@code long}: Java
 *                      {@code long} is a BigInt in TeaVM's JavaScript); stored to the whole millisecond
 */
public record RatedMovie(int movieId, float stars, double ratedAtMillis) {
    public RatedMovie {
        // Rating validates id and stars with the same limits the pipeline uses.
        new Rating(movieId, stars);
        if (!(ratedAtMillis >= 0) || Double.isInfinite(ratedAtMillis)) {
            throw new IllegalArgumentException("rating time " + ratedAtMillis + " must be a finite number >= 0");
        }
    }

    /** The pipeline's view of this rating (without the time). */
    public Rating toRating() {
        return new Rating(movieId, stars);
    }
}
