package privrec.core;

/**
 * One recommended item with its model score and the local reason.
 *
 * @param item   the catalog item
 * @param score  the model's score (higher is better; not a star rating)
 * @param reason why, from the user's own data
 */
public record Recommendation(Item item, float score, Reason reason) {
}
