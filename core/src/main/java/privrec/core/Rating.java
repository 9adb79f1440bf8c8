package privrec.core;

/**
 * One rating the user gave, as held on the user's device.
 *
 * @param itemId external movie id
 * @param stars  0.5 to 5 stars (half stars allowed)
 */
public record Rating(int itemId, float stars) {
    public static final float MIN_STARS = 0.5f;
    public static final float MAX_STARS = 5f;

    public Rating {
        if (itemId <= 0) {
            throw new IllegalArgumentException("movie id " + itemId + " must be positive");
        }
        if (!(stars >= MIN_STARS && stars <= MAX_STARS)) {
            throw new IllegalArgumentException("rating " + stars + " is outside " + MIN_STARS + ".." + MAX_STARS);
        }
    }
}
