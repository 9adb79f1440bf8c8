package privrec.client.app;

import java.util.List;

/**
 * One recommendation as the home view shows it.
 *
 * @param movieId catalog movie id
 * @param title   plain text, to be set with textContent only
 * @param year    release year, 0 when unknown
 * @param genres  genre names
 * @param score   the model's raw score (not stars; only the order is meaningful)
 * @param match   0..1: where this score sits between the lowest and highest score in the shown list
 * @param reason  the local explanation sentence (core {@code Reason.text()}); null while it is still being
 *                computed ({@link Queries#rankRecommendations()} before {@link Queries#explain})
 */
public record RecCard(int movieId, String title, int year, List<String> genres, float score, double match,
                      String reason) {
    /** True while the reason is not known yet. */
    public boolean reasonPending() {
        return reason == null;
    }

    /** The same card with its reason. */
    public RecCard withReason(String reason) {
        return new RecCard(movieId, title, year, genres, score, match, reason);
    }
}
