package privrec.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecommenderTest {
    private final Catalog catalog = Fixtures.catalog(6);

    @Test
    void seenAndDismissedItemsAreNeverRecommended() {
        Recommender recommender = new Recommender(catalog, FixedScorer.of(6, 5, 4, 3, 2, 1));
        List<Rating> ratings = List.of(new Rating(101, 2f), new Rating(103, 5f));
        List<Recommendation> recs = recommender.recommend(new RecommendationRequest(ratings, null, Set.of(102), 10, -1));
        assertEquals(List.of(104, 105, 106), recs.stream().map(r -> r.item().id()).toList());
    }

    @Test
    void genreFilterKeepsOnlyThatGenre() {
        Recommender recommender = new Recommender(catalog, FixedScorer.of(6, 5, 4, 3, 2, 1));
        int drama = Genres.indexOf("Drama");
        List<Recommendation> recs = recommender.recommend(new RecommendationRequest(null, null, null, 2, drama));
        assertEquals(List.of(102, 104), recs.stream().map(r -> r.item().id()).toList());
    }

    @Test
    void reasonNamesTheLikedMovieThatContributedMost() {
        float[][] affinity = new float[6][6];
        affinity[0][4] = 0.2f; // Movie 0 pushes Movie 4 a little
        affinity[1][4] = 0.9f; // Movie 1 pushes Movie 4 a lot
        affinity[0][5] = 0.5f;
        FixedScorer scorer = FixedScorer.withAffinity(new float[6], affinity, null);
        Recommender recommender = new Recommender(catalog, scorer);
        List<Rating> ratings = List.of(new Rating(101, 5f), new Rating(102, 4f), new Rating(103, 1f));
        List<Recommendation> recs = recommender.recommend(new RecommendationRequest(ratings, null, null, 2, -1));
        assertEquals(105, recs.get(0).item().id());
        assertEquals(102, recs.get(0).reason().because().id());
        assertEquals(106, recs.get(1).item().id());
        assertEquals(101, recs.get(1).reason().because().id());
        assertEquals("Because you liked Movie 1", recs.get(0).reason().text());
        assertEquals(2, scorer.calls, "one call to score, one batched call to explain");
    }

    @Test
    void reasonComparesContributionsAtEachMovieOwnHistoryWeight() {
        float[][] affinity = new float[6][6];
        affinity[0][4] = 0.5f; // Movie 0, rated 5 stars (weight 5/3): contributes 0.83
        affinity[1][4] = 0.7f; // Movie 1, rated 3.5 stars (weight 2/3): contributes 0.47
        FixedScorer scorer = FixedScorer.withAffinity(new float[6], affinity, null);
        Recommender recommender = new Recommender(catalog, scorer);
        List<Rating> ratings = List.of(new Rating(101, 5f), new Rating(102, 3.5f));
        List<Recommendation> recs = recommender.recommend(new RecommendationRequest(ratings, null, null, 1, -1));
        assertEquals(105, recs.get(0).item().id());
        assertEquals(101, recs.get(0).reason().because().id(), "a one-hot 1 would have named Movie 1");
        assertEquals(0.5f * 5 / 3 + 0.7f * 2 / 3, recs.get(0).score(), 1e-5f, "the history is graded");
    }

    @Test
    void rankThenExplainEqualsRecommend() {
        float[][] affinity = new float[6][6];
        affinity[0][4] = 0.2f;
        affinity[1][4] = 0.9f;
        affinity[0][5] = 0.5f;
        affinity[1][3] = 0.3f;
        float[] base = {0.1f, 0.6f, 0.2f, 0.4f, 0.05f, 0.3f};
        List<Rating> ratings = List.of(new Rating(101, 5f), new Rating(102, 4f), new Rating(103, 1f));
        RecommendationRequest request = new RecommendationRequest(ratings, null, Set.of(106), 3, -1);
        List<Recommendation> full = new Recommender(catalog, FixedScorer.withAffinity(base, affinity, null))
                .recommend(request);

        FixedScorer scorer = FixedScorer.withAffinity(base, affinity, null);
        Recommender recommender = new Recommender(catalog, scorer);
        List<Recommendation> ranked = recommender.rank(request);
        assertEquals(1, scorer.calls, "rank() makes exactly one scorer call");
        assertEquals(full.size(), ranked.size());
        for (int k = 0; k < full.size(); k++) {
            assertEquals(full.get(k).item(), ranked.get(k).item(), "same items in the same order");
            assertEquals(full.get(k).score(), ranked.get(k).score(), "same scores");
            assertNull(ranked.get(k).reason(), "rank() leaves the reason to explain()");
            assertFalse(ranked.get(k).isExplained());
        }
        Reason[] reasons = recommender.explain(request, ranked);
        assertEquals(2, scorer.calls, "explain() adds one batched call");
        assertEquals(full.size(), reasons.length);
        for (int k = 0; k < full.size(); k++) {
            assertEquals(full.get(k).reason(), reasons[k], "same reason as recommend() for rank " + k);
            assertTrue(full.get(k).isExplained());
            assertEquals(full.get(k), ranked.get(k).withReason(reasons[k]));
        }
        assertEquals(Reason.Kind.BECAUSE_YOU_LIKED, reasons[0].kind());
    }

    @Test
    void explainWithoutLikesNeedsNoScorerCall() {
        FixedScorer scorer = FixedScorer.of(6, 5, 4, 3, 2, 1);
        Recommender recommender = new Recommender(catalog, scorer);
        RecommendationRequest request = new RecommendationRequest(List.of(new Rating(101, 1f)), null, null, 2, -1);
        List<Recommendation> ranked = recommender.rank(request);
        Reason[] reasons = recommender.explain(request, ranked);
        assertEquals(1, scorer.calls);
        assertEquals(Reason.Kind.POPULAR, reasons[0].kind());
        assertEquals(0, recommender.explain(request, List.of()).length);
    }

    @Test
    void withoutHistoryTheReasonIsProfileOrPopularity() {
        Recommender recommender = new Recommender(catalog, FixedScorer.of(1, 2, 3, 4, 5, 6));
        Recommendation anonymous = recommender.recommend(new RecommendationRequest(null, null, null, 1, -1)).get(0);
        assertEquals(Reason.Kind.POPULAR, anonymous.reason().kind());
        assertNull(anonymous.reason().because());
        Recommendation profiled = recommender.recommend(
                new RecommendationRequest(null, new Profile(30, "M", null), null, 1, -1)).get(0);
        assertEquals(Reason.Kind.POPULAR_WITH_PROFILE, profiled.reason().kind());
    }

    @Test
    void rankExcludesAllRatedItemsIncludingLowRatings() {
        Recommender recommender = new Recommender(catalog, FixedScorer.of(6, 5, 4, 3, 2, 1));
        int[] top = recommender.rank(List.of(new Rating(101, 1f), new Rating(102, 5f)), Profile.EMPTY, 2);
        assertEquals(2, top[0]);
        assertEquals(3, top[1]);
    }

    @Test
    void profileReachesTheScorer() {
        float[] boost = {0, 0, 0, 0, 0, 10};
        Recommender recommender = new Recommender(catalog,
                FixedScorer.withAffinity(new float[] {6, 5, 4, 3, 2, 1}, new float[6][6], boost));
        Profile young = new Profile(15, null, null); // profile column 0 = age_1_under18
        assertEquals(106, recommender.recommend(new RecommendationRequest(null, young, null, 1, -1)).get(0).item().id());
    }

    @Test
    void aScorerReturningTheWrongWidthIsAnError() {
        Recommender recommender = new Recommender(catalog, (h, p, rows) -> new float[3]);
        assertThrows(IllegalStateException.class, () -> recommender.scores(List.of(), Profile.EMPTY));
    }

    @Test
    void catalogLookupsComeInPairs() {
        assertEquals(-1, catalog.tryIndexOf(999));
        assertThrows(IllegalArgumentException.class, () -> catalog.indexOf(999));
        assertEquals(2, catalog.indexOf(103));
        assertTrue(catalog.get(0).hasGenre(Genres.indexOf("Comedy")));
        assertFalse(catalog.get(0).hasGenre(Genres.indexOf("Drama")));
    }
}
