package privrec.client.app;

import java.util.List;

import privrec.core.Recommendation;
import privrec.core.RecommendationRequest;

/**
 * Recommendations ranked but not yet explained ({@link Queries#rankRecommendations()}): the cards to show at
 * once, with {@link RecCard#reasonPending()} reasons, and what {@link Queries#explain} needs to fill them in
 * later. Knows the data revision it was ranked from, so a result for data that changed since can be dropped.
 */
public final class RankedList {
    private final List<RecCard> cards;
    final RecommendationRequest request;
    final List<Recommendation> ranked;
    final Object session;
    final int revision;

    RankedList(List<RecCard> cards, RecommendationRequest request, List<Recommendation> ranked, Object session,
               int revision) {
        this.cards = List.copyOf(cards);
        this.request = request;
        this.ranked = ranked;
        this.session = session;
        this.revision = revision;
    }

    /** The cards in rank order, reasons pending. */
    public List<RecCard> cards() {
        return cards;
    }

    /** True when the reasons are still to come (false for an empty list: nothing to explain). */
    public boolean needsReasons() {
        return !cards.isEmpty();
    }
}
