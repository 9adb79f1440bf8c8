package privrec.client.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import privrec.client.vault.RatedMovie;
import privrec.client.vault.VaultContents;
import privrec.core.Catalog;
import privrec.core.Item;
import privrec.core.Reason;
import privrec.core.Recommendation;
import privrec.core.RecommendationRequest;
import privrec.core.Recommender;

/** Turns vault contents into core requests and core results into what the views show. Stateless. */
final class Ranking {
    /** Recommendations on the home page. */
    static final int TOP_N = 20;

    private Ranking() {
    }

    /** Withdrawn movies are excluded as dismissed ones are; the user's ratings still feed the history as they are. */
    static RecommendationRequest request(VaultContents contents, Set<Integer> withdrawn, int genre) {
        Set<Integer> excluded = new HashSet<>(contents.dismissedSet());
        excluded.addAll(withdrawn);
        return new RecommendationRequest(contents.coreRatings(), contents.profile(), excluded, TOP_N, genre);
    }

    /** Ranked and explained at once (two scorer calls). */
    static List<RecCard> recommend(Recommender recommender, VaultContents contents, Set<Integer> withdrawn,
                                   int genre) {
        return cards(recommender.recommend(request(contents, withdrawn, genre)));
    }

    /** Cards for core recommendations; a recommendation without a reason gives a card whose reason is pending. */
    static List<RecCard> cards(List<Recommendation> recommendations) {
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        for (Recommendation r : recommendations) {
            max = Math.max(max, r.score());
            min = Math.min(min, r.score());
        }
        List<RecCard> cards = new ArrayList<>(recommendations.size());
        for (Recommendation r : recommendations) {
            // Relative position within this list only: the raw score has no absolute meaning to show as stars.
            double match = max > min ? (r.score() - min) / (double) (max - min) : 1.0;
            Item item = r.item();
            cards.add(new RecCard(item.id(), item.title(), item.year(), item.genres(), r.score(), match,
                    r.isExplained() ? r.reason().text() : null));
        }
        return cards;
    }

    /** {@code ranked}'s cards with the reasons {@code reasons} (same order). */
    static List<RecCard> withReasons(List<RecCard> ranked, Reason[] reasons) {
        List<RecCard> cards = new ArrayList<>(ranked.size());
        for (int k = 0; k < ranked.size(); k++) {
            cards.add(ranked.get(k).withReason(reasons[k].text()));
        }
        return cards;
    }

    /**
     * Well-known movies to rate first: the most popular in the catalog that the user has not rated or dismissed
     * and the release still offers.
     */
    static List<Item> wellKnown(Catalog catalog, VaultContents contents, Set<Integer> withdrawn, int count) {
        Set<Integer> skip = new HashSet<>(contents.dismissed());
        skip.addAll(withdrawn);
        for (RatedMovie rated : contents.ratings()) {
            skip.add(rated.movieId());
        }
        List<Item> items = new ArrayList<>(catalog.items());
        items.sort((a, b) -> b.popularity() != a.popularity()
                ? Integer.compare(b.popularity(), a.popularity())
                : Integer.compare(a.index(), b.index()));
        List<Item> picked = new ArrayList<>(count);
        for (Item item : items) {
            if (picked.size() >= count) {
                break;
            }
            if (!skip.contains(item.id())) {
                picked.add(item);
            }
        }
        return picked;
    }

    /**
     * The user's ratings, newest first, with titles: every rating, also of a movie the release no longer offers
     * (named by the title stored with the rating, see {@link MovieNames}).
     */
    static List<RatingRow> ratingRows(ModelStatus model, VaultContents contents) {
        List<RatingRow> rows = new ArrayList<>();
        List<RatedMovie> ratings = contents.ratings();
        for (int i = ratings.size() - 1; i >= 0; i--) {
            RatedMovie rated = ratings.get(i);
            int id = rated.movieId();
            rows.add(new RatingRow(id, MovieNames.title(model, rated, id), MovieNames.year(model, rated, id),
                    // Until a model is loaded nothing is known to be gone.
                    rated.stars(), rated.ratedAtMillis(), model.catalog() == null || model.offered(id) != null));
        }
        return rows;
    }
}
