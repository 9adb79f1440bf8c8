package privrec.trainer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The two ways of drawing what a user watches must agree: the generator switches between them by user. */
class WatcherTest {
    private static final int MOVIES = 3_000;
    private static SyntheticCatalog catalog;
    private static SyntheticUsers users;
    private static Watcher watcher;

    @BeforeAll
    static void build() {
        SplittableRandom root = new SplittableRandom(11);
        catalog = new SyntheticCatalog(root.split(), MOVIES);
        users = new SyntheticUsers(root.split(), 50);
        watcher = new Watcher(catalog, users);
    }

    @Test
    void rejectionDrawsFromTheExactDistribution() {
        for (int u = 0; u < 3; u++) {
            // Exact first-draw probabilities, popularity × exp(affinity); movies sorted by them into ten buckets.
            double[] p = new double[MOVIES];
            double total = 0;
            for (int i = 0; i < MOVIES; i++) {
                p[i] = Rng.exp(catalog.logPopularity[i] + Watcher.WATCH_TASTE * watcher.affinity(u, i));
                total += p[i];
            }
            Integer[] order = new Integer[MOVIES];
            for (int i = 0; i < MOVIES; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
            int[] bucketOf = new int[MOVIES];
            for (int rank = 0; rank < MOVIES; rank++) {
                bucketOf[order[rank]] = rank < 10 ? 0 : rank < 30 ? 1 : rank < 100 ? 2 : rank < 300 ? 3 : 4;
            }
            double[] expected = new double[5];
            for (int i = 0; i < MOVIES; i++) {
                expected[bucketOf[i]] += p[i] / total;
            }
            double[] sampled = new double[5];
            SplittableRandom random = new SplittableRandom(u);
            int draws = 100_000;
            int[] one = new int[1];
            double[] affinity = new double[1];
            for (int k = 0; k < draws; k++) {
                watcher.byRejection(u, random, one, affinity);
                sampled[bucketOf[one[0]]] += 1.0 / draws;
                assertEquals(watcher.affinity(u, one[0]), affinity[0]);
            }
            for (int b = 0; b < 5; b++) {
                assertEquals(expected[b], sampled[b], 0.01, "user " + u + ", bucket " + b + ": expected "
                        + Arrays.toString(expected) + ", sampled " + Arrays.toString(sampled));
            }
        }
    }

    @Test
    void rejectionDrawsDistinctMoviesOnEveryCall() {
        SplittableRandom random = new SplittableRandom(3);
        for (int call = 0; call < 2; call++) { // the second call must not see the first one's marks
            int[] watched = new int[300];
            watcher.byRejection(call, random, watched, new double[300]);
            Set<Integer> distinct = new HashSet<>();
            for (int i : watched) {
                assertTrue(i >= 0 && i < MOVIES);
                distinct.add(i);
            }
            assertEquals(300, distinct.size());
        }
    }

    @Test
    void theCeilingIsAboveNearlyEveryAffinity() {
        long above = 0;
        long pairs = 0;
        for (int u = 0; u < 50; u++) {
            for (int i = 0; i < MOVIES; i++) {
                above += watcher.affinity(u, i) > watcher.ceiling(u, i) ? 1 : 0;
                pairs++;
            }
        }
        assertTrue(above < 0.005 * pairs, above + " of " + pairs + " pairs above the ceiling");
    }
}
