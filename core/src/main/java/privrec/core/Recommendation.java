package privrec.core;

/**
 * One recommended item with its model score and the local reason.
 *
 * @param item   the catalog item
 * @param score  the model's score (higher is better; not a star rating)
 * @param reason why, from the user's own data; null when the item was ranked without explanation
 *               ({@link Recommender#rank}), until {@link Recommender#explain} supplies it
 */
public record Recommendation(Item item, float score, Reason reason) {
    public Recommendation {
        if (item == null) {
            throw new IllegalArgumentException("item is required");
        }
    }

    /** True when the reason is known (always after {@link Recommender#recommend}). */
    public boolean isExplained() {
        return reason != null;
    }

    /** The same item and score with {@code reason}. */
    public Recommendation withReason(Reason reason) {
        return new Recommendation(item, score, reason);
    }
}
