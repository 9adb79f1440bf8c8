package privrec.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The encode → score → rank pipeline, the one code path used by offline evaluation (trainer) and by the browser.
 * Scoring is delegated to an {@link ItemScorer}, so the same ranking runs on ONNX Runtime Java, onnxruntime-web or
 * fixed test scores.
 */
public final class Recommender {
    /** At most this many liked movies are considered when explaining (the most recent ones). */
    public static final int MAX_EXPLAINED_HISTORY = 200;

    private final Catalog catalog;
    private final ItemScorer scorer;

    public Recommender(Catalog catalog, ItemScorer scorer) {
        if (catalog == null || scorer == null) {
            throw new IllegalArgumentException("catalog and scorer are required");
        }
        this.catalog = catalog;
        this.scorer = scorer;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Model scores for every catalog item, in column order (one scorer call). */
    public float[] scores(List<Rating> ratings, Profile profile) {
        return checked(startScores(ratings, profile).await());
    }

    private ItemScorer.Pending startScores(List<Rating> ratings, Profile profile) {
        float[] history = Encoder.encodeHistory(ratings, catalog);
        float[] profileRow = Encoder.encodeProfile(profile);
        return scorer.start(history, profileRow, 1);
    }

    private float[] checked(float[] scores) {
        if (scores == null || scores.length != catalog.size()) {
            throw new IllegalStateException("scorer returned " + (scores == null ? 0 : scores.length)
                    + " scores for " + catalog.size() + " items");
        }
        return scores;
    }

    /** A {@link #rank(RecommendationRequest)} under way ({@link #startRank}). */
    public final class PendingRank {
        private final RecommendationRequest request;
        private final ItemScorer.Pending scores;
        private List<Recommendation> result;

        private PendingRank(RecommendationRequest request, ItemScorer.Pending scores) {
            this.request = request;
            this.scores = scores;
        }

        public RecommendationRequest request() {
            return request;
        }

        /** The ranking, as {@link #rank(RecommendationRequest)} gives it; waits for the scoring run once. */
        public List<Recommendation> await() {
            if (result == null) {
                result = rankFrom(checked(scores.await()), request);
            }
            return result;
        }
    }

    /**
     * Starts {@link #rank(RecommendationRequest)}: the request is encoded and its one scorer call started now,
     * the ranking happens in {@link PendingRank#await}. Lets the browser overlap the model run with a vault save.
     */
    public PendingRank startRank(RecommendationRequest request) {
        return new PendingRank(request, startScores(request.ratings(), request.profile()));
    }

    /** The top {@code n} columns, excluding every rated item. Used by evaluation. */
    public int[] rank(List<Rating> ratings, Profile profile, int n) {
        return TopN.select(scores(ratings, profile), excludedColumns(ratings, null), n, null);
    }

    /**
     * Recommendations with scores and local reasons: rated and dismissed items never appear. Two scorer calls:
     * {@link #rank(RecommendationRequest)} then {@link #explain(RecommendationRequest, List)}.
     */
    public List<Recommendation> recommend(RecommendationRequest request) {
        List<Recommendation> ranked = rank(request);
        Reason[] reasons = explain(request, ranked);
        List<Recommendation> result = new ArrayList<>(ranked.size());
        for (int k = 0; k < ranked.size(); k++) {
            result.add(ranked.get(k).withReason(reasons[k]));
        }
        return result;
    }

    /**
     * The ranking half of {@link #recommend}: the same items with the same scores in the same order, but every
     * {@link Recommendation#reason()} is null. Exactly one scorer call, so a UI can show the list before the
     * explanation is known; {@link #explain(RecommendationRequest, List)} supplies the reasons later.
     */
    public List<Recommendation> rank(RecommendationRequest request) {
        return startRank(request).await();
    }

    private List<Recommendation> rankFrom(float[] scores, RecommendationRequest request) {
        boolean[] excluded = excludedColumns(request.ratings(), request.dismissed());
        int genre = request.genre();
        int[] top = TopN.select(scores, excluded, request.count(),
                genre < 0 ? null : column -> catalog.get(column).hasGenre(genre));
        List<Recommendation> result = new ArrayList<>(top.length);
        for (int column : top) {
            result.add(new Recommendation(catalog.get(column), scores[column], null));
        }
        return result;
    }

    /**
     * The reasons for {@code recommendations} (usually {@link #rank}'s result for the same {@code request}), in
     * their order; the same reasons {@link #recommend} gives. At most one {@link ItemScorer#contributions} call over
     * the {@link #MAX_EXPLAINED_HISTORY} most recent liked movies and the recommended items (on the exported model
     * its cost is liked × k × recommended, independent of the catalog size); no call when the user liked nothing.
     *
     * @throws IllegalArgumentException when a recommended item is not in this recommender's catalog
     */
    public Reason[] explain(RecommendationRequest request, List<Recommendation> recommendations) {
        int[] columns = new int[recommendations.size()];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = catalog.indexOf(recommendations.get(k).item().id());
        }
        return explain(request.ratings(), request.profile(), columns);
    }

    private boolean[] excludedColumns(List<Rating> ratings, Iterable<Integer> dismissed) {
        boolean[] excluded = new boolean[catalog.size()];
        for (Rating rating : ratings) {
            int column = catalog.tryIndexOf(rating.itemId());
            if (column >= 0) {
                excluded[column] = true;
            }
        }
        if (dismissed != null) {
            for (Integer id : dismissed) {
                int column = catalog.tryIndexOf(id);
                if (column >= 0) {
                    excluded[column] = true;
                }
            }
        }
        return excluded;
    }

    /**
     * For each recommended column, the liked movie whose own contribution to that score is largest: one
     * {@link ItemScorer#contributions} call with every liked movie at its own history weight
     * ({@link Encoder#historyWeight} of its stars, as in the real history row), so the model explains itself. A
     * 5-star movie pulls harder than a 3.5-star one, so the contributions are real ones, not a one-hot 1.
     */
    private Reason[] explain(List<Rating> ratings, Profile profile, int[] columns) {
        Reason[] reasons = new Reason[columns.length];
        Reason fallback = new Reason(profile.isEmpty() ? Reason.Kind.POPULAR : Reason.Kind.POPULAR_WITH_PROFILE, null);
        List<Rating> likedRatings = new ArrayList<>();
        List<Integer> liked = likedColumns(ratings, likedRatings);
        if (liked.isEmpty() || columns.length == 0) {
            Arrays.fill(reasons, fallback);
            return reasons;
        }
        int rows = liked.size();
        int[] items = new int[rows];
        float[] weights = new float[rows];
        for (int r = 0; r < rows; r++) {
            items[r] = liked.get(r);
            weights[r] = Encoder.historyWeight(likedRatings.get(r).stars());
        }
        float[] contributions = scorer.contributions(catalog.size(), items, weights, columns);
        if (contributions == null || contributions.length != rows * columns.length) {
            throw new IllegalStateException("scorer returned " + (contributions == null ? 0 : contributions.length)
                    + " contributions for " + rows + " x " + columns.length);
        }
        for (int k = 0; k < columns.length; k++) {
            int best = -1;
            float bestGain = 0f;
            for (int r = 0; r < rows; r++) {
                float gain = contributions[r * columns.length + k];
                if (gain > bestGain) {
                    bestGain = gain;
                    best = r;
                }
            }
            reasons[k] = best < 0 ? fallback : new Reason(Reason.Kind.BECAUSE_YOU_LIKED, catalog.get(liked.get(best)));
        }
        return reasons;
    }

    /**
     * The columns of the most recent liked movies (newest first), and their ratings in {@code likedRatings}. A
     * movie's latest rating decides, as in {@link Encoder#encodeHistory}.
     */
    private List<Integer> likedColumns(List<Rating> ratings, List<Rating> likedRatings) {
        List<Integer> liked = new ArrayList<>();
        boolean[] seen = new boolean[catalog.size()];
        for (int i = ratings.size() - 1; i >= 0 && liked.size() < MAX_EXPLAINED_HISTORY; i--) {
            Rating rating = ratings.get(i);
            int column = catalog.tryIndexOf(rating.itemId());
            if (column < 0 || seen[column]) {
                continue;
            }
            seen[column] = true;
            if (Encoder.isPositive(rating.stars())) {
                liked.add(column);
                likedRatings.add(rating);
            }
        }
        return liked;
    }
}
