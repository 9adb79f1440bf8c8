package privrec.trainer.eval;

import privrec.trainer.model.Split;
import privrec.trainer.model.UserRatings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import privrec.core.Catalog;
import privrec.core.Encoder;
import privrec.core.Item;
import privrec.core.ItemScorer;
import privrec.core.Profile;
import privrec.core.Recommender;
import privrec.trainer.data.Dataset;
import privrec.trainer.data.Movie;
import privrec.trainer.model.Interactions;
import privrec.trainer.model.UserPositives;

/** The all-ratings variant of the split (evaluate --split all-ratings), on hand-made data. */
class AllRatingsSplitTest {
    /** Columns 0..9 rated 5,1,4,2,5,3,4,1,5,2: positives 0,2,4,6,8; low 1,3,5,7,9. */
    private static final float[] TEN = {5, 1, 4, 2, 5, 3, 4, 1, 5, 2};

    private static UserRatings ratings(int id, float[] stars) {
        int[] columns = new int[stars.length];
        for (int i = 0; i < stars.length; i++) {
            columns[i] = i;
        }
        return new UserRatings(id, columns, stars.clone());
    }

    private static UserPositives positivesOf(UserRatings all) {
        int[] columns = all.positiveColumns();
        float[] stars = new float[columns.length];
        for (int i = 0; i < columns.length; i++) {
            stars[i] = all.stars()[Arrays.binarySearch(all.columns(), columns[i])];
        }
        return new UserPositives(all.userId(), Profile.EMPTY, columns, stars);
    }

    private static boolean low(UserRatings all, int column) {
        return !Encoder.isPositive(all.stars()[Arrays.binarySearch(all.columns(), column)]);
    }

    @Test
    void foldInIsRoundedEightyPercentOfAllRatingsWithLowOnesAndTargetsAreHeldOutPositives() {
        UserRatings all = ratings(1, TEN);
        UserPositives user = positivesOf(all);
        assertArrayEquals(new int[]{0, 2, 4, 6, 8}, user.columns());
        for (long seed = 0; seed < 50; seed++) {
            Split.TestUser t = Split.splitAllRatings(user, all, new Random(seed));
            assertEquals(8, t.foldIn().length, "round(0.8 * 10) of all ratings, not of the 5 positives");
            long lowInFoldIn = Arrays.stream(t.foldIn()).filter(c -> low(all, c)).count();
            assertTrue(lowInFoldIn >= 3, "8 of 10 folded in, 5 of them low: at least 3 low ratings in fold-in");
            // Stars travel with the fold-in columns (so the low ones reach Recommender.rank as low ratings).
            for (int i = 0; i < t.foldIn().length; i++) {
                assertEquals(TEN[t.foldIn()[i]], t.foldInStars()[i]);
            }
            // Targets: exactly the positives that are not folded in; never a low rating.
            Set<Integer> foldIn = new HashSet<>();
            Arrays.stream(t.foldIn()).forEach(foldIn::add);
            int[] expected = Arrays.stream(user.columns()).filter(c -> !foldIn.contains(c)).toArray();
            assertArrayEquals(expected, t.targets());
            for (int c : t.targets()) {
                assertFalse(low(all, c));
            }
            assertTrue(t.targets().length <= 2);
            assertTrue(isAscending(t.foldIn()) && isAscending(t.targets()));
        }
    }

    @Test
    void foldInSizeCountsAllRatingsAndIsAtLeastOne() {
        // 5 positives + 1 low: round(0.8 * 6) = 5 (positives alone would give 4).
        UserRatings six = ratings(2, new float[]{4, 4, 4, 4, 4, 2});
        assertEquals(5, Split.splitAllRatings(positivesOf(six), six, new Random(1)).foldIn().length);
        // 5 positives + 2 low: round(5.6) = 6.
        UserRatings seven = ratings(3, new float[]{1, 4, 4, 2, 4, 4, 4});
        assertEquals(6, Split.splitAllRatings(positivesOf(seven), seven, new Random(1)).foldIn().length);
        // One rating: it is folded in (at least 1), no target is left.
        UserRatings one = ratings(4, new float[]{5});
        Split.TestUser single = Split.splitAllRatings(positivesOf(one), one, new Random(1));
        assertArrayEquals(new int[]{0}, single.foldIn());
        assertEquals(0, single.targets().length);
    }

    @Test
    void sameSeedGivesTheSameSplitAndTheSameFoldsAsThePositivesSplit() {
        Random random = new Random(5);
        List<UserPositives> users = new ArrayList<>();
        Map<Integer, UserRatings> all = new HashMap<>();
        for (int u = 1; u <= 23; u++) {
            float[] stars = new float[8 + random.nextInt(20)];
            for (int i = 0; i < stars.length; i++) {
                stars[i] = i < 5 ? 5 : 1 + random.nextInt(5);
            }
            UserRatings r = ratings(u, stars);
            all.put(u, r);
            users.add(positivesOf(r));
        }
        // A user below 5 positives is not tested, however many low ratings it has.
        UserRatings few = ratings(99, new float[]{5, 5, 5, 5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
        all.put(99, few);
        users.add(positivesOf(few));

        List<Split.Fold> a = Split.folds(users, 5, 42, all);
        List<Split.Fold> b = Split.folds(users, 5, 42, all);
        List<Split.Fold> positives = Split.folds(users, 5, 42);
        int tested = 0;
        for (int f = 0; f < 5; f++) {
            assertEquals(a.get(f).test().size(), b.get(f).test().size());
            assertEquals(ids(positives.get(f)), ids(a.get(f)), "same users in each fold as the documented split");
            assertEquals(positives.get(f).training(), a.get(f).training());
            for (int t = 0; t < a.get(f).test().size(); t++) {
                Split.TestUser x = a.get(f).test().get(t);
                Split.TestUser y = b.get(f).test().get(t);
                assertArrayEquals(x.foldIn(), y.foldIn());
                assertArrayEquals(x.foldInStars(), y.foldInStars());
                assertArrayEquals(x.targets(), y.targets());
                assertEquals(Split.foldInSize(all.get(x.user().userId()).size()), x.foldIn().length);
                assertTrue(x.user().userId() != 99);
                tested++;
            }
        }
        assertEquals(23, tested);
        // A different seed gives a different cut somewhere.
        List<Split.Fold> other = Split.folds(users, 5, 43, all);
        assertFalse(cuts(a).equals(cuts(other)));
    }

    @Test
    void lowRatedFoldInItemsAreNeverRankedAndFoldInRatingsEnterTheHistoryAtTheirWeight() {
        UserRatings all = ratings(1, TEN);
        UserPositives user = positivesOf(all);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < TEN.length; i++) {
            items.add(new Item(i, 100 + i, "Movie " + i, 2000, 0, 0));
        }
        Catalog catalog = new Catalog(items);
        List<float[]> histories = new ArrayList<>();
        // Low-rated items score highest: an evaluation that forgot to exclude them would rank them first.
        ItemScorer scorer = (history, profile, rows) -> {
            histories.add(history.clone());
            float[] scores = new float[TEN.length];
            for (int c = 0; c < TEN.length; c++) {
                scores[c] = Encoder.isPositive(TEN[c]) ? c : 100 + c;
            }
            return scores;
        };
        Recommender recommender = new Recommender(catalog, scorer);
        for (long seed = 0; seed < 20; seed++) {
            Split.TestUser t = Split.splitAllRatings(user, all, new Random(seed));
            histories.clear();
            int[] ranked = Evaluator.rank(recommender, t);
            assertEquals(TEN.length - t.foldIn().length, ranked.length, "every item but the fold-in is ranked");
            for (int c : ranked) {
                assertTrue(Arrays.binarySearch(t.foldIn(), c) < 0, "fold-in item " + c + " ranked");
            }
            assertEquals(1, histories.size());
            float[] history = histories.get(0);
            // Every fold-in rating enters the history at its graded weight (the 3-star column 5 at 1/3; 2 stars
            // or less at 0); held-out ratings do not enter it.
            for (int c = 0; c < TEN.length; c++) {
                boolean foldIn = Arrays.binarySearch(t.foldIn(), c) >= 0;
                assertEquals(foldIn ? Encoder.historyWeight(TEN[c]) : 0f, history[c], "history of column " + c);
                if (low(all, c) && TEN[c] <= 2.5f) {
                    assertEquals(0f, history[c], "no weight for column " + c);
                }
            }
        }
        // MetricSet: a user whose held-out part has no positive is skipped.
        UserRatings lowTail = ratings(2, new float[]{5, 5, 5, 5, 5, 5, 5, 5, 1, 1});
        List<Split.TestUser> none = new ArrayList<>();
        for (long seed = 0; none.isEmpty(); seed++) {
            Split.TestUser t = Split.splitAllRatings(positivesOf(lowTail), lowTail, new Random(seed));
            if (t.targets().length == 0) {
                none.add(t);
            }
        }
        assertEquals(0, Evaluator.warm(catalog, scorer, none).users());
    }

    @Test
    void allRatingsOfADatasetKeepLowOnesAndTheLatestRatingPerMovie() {
        List<Movie> movies = List.of(new Movie(30, "C", 2001, 0), new Movie(10, "A", 1999, 1), new Movie(20, "B", 2000, 2));
        // user 7: likes 20, rates 10 high then low (the later rating wins), rates 30 low; user 3: only a low rating.
        int[] users = {7, 7, 3, 7, 7};
        int[] movieIds = {20, 10, 30, 10, 30};
        float[] stars = {4f, 5f, 1f, 2f, 3f};
        long[] times = {1, 2, 3, 4, 5};
        Dataset dataset = new Dataset("test", movies, Map.of(), users, movieIds, stars, times);
        Interactions interactions = Interactions.of(dataset);
        Map<Integer, UserRatings> all = UserRatings.of(dataset, interactions);
        assertEquals(Set.of(7), all.keySet(), "user 3 has no positive and is not in the interactions");
        UserRatings seven = all.get(7);
        assertArrayEquals(new int[]{0, 1, 2}, seven.columns());
        assertArrayEquals(new float[]{2f, 4f, 3f}, seven.stars());
        assertArrayEquals(interactions.users().get(0).columns(), seven.positiveColumns());
    }

    @Test
    void splitNamesParse() {
        assertEquals(Split.Mode.POSITIVES, Split.Mode.parse("positives"));
        assertEquals(Split.Mode.ALL_RATINGS, Split.Mode.parse("all-ratings"));
        assertEquals("all-ratings", Split.Mode.ALL_RATINGS.label());
        assertThrows(IllegalArgumentException.class, () -> Split.Mode.parse("ALL_RATINGS"));
    }

    private static boolean isAscending(int[] a) {
        for (int i = 1; i < a.length; i++) {
            if (a[i] <= a[i - 1]) {
                return false;
            }
        }
        return true;
    }

    private static List<Integer> ids(Split.Fold fold) {
        return fold.test().stream().map(t -> t.user().userId()).toList();
    }

    private static List<String> cuts(List<Split.Fold> folds) {
        List<String> out = new ArrayList<>();
        for (Split.Fold fold : folds) {
            for (Split.TestUser t : fold.test()) {
                out.add(t.user().userId() + ":" + Arrays.toString(t.foldIn()));
            }
        }
        return out;
    }
}
