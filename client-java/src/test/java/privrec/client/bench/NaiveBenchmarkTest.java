package privrec.client.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import privrec.core.ItemScorer;

/**
 * The benchmark's comparison is only worth its ratio if both paths score the same thing: these tests use a scorer
 * whose output depends on the history (so the per-item path must read the right column of each run), and one that
 * drifts between calls (so a disagreement is reported, not hidden).
 */
class NaiveBenchmarkTest {
    /** score[i] = sum over j of history[j] * (i + 1) * (j + 2): every item different, linear in the history. */
    private static final ItemScorer LINEAR = (history, profile, rows) -> {
        float[] scores = new float[history.length];
        for (int i = 0; i < history.length; i++) {
            for (int j = 0; j < history.length; j++) {
                scores[i] += history[j] * (i + 1) * (j + 2);
            }
        }
        return scores;
    };

    @Test
    void perItemScoresAreColumnIOfItsOwnRunAndAgreeWithTheBatch() {
        float[] history = {1f, 0f, 0.5f, 0f};
        float[] batch = LINEAR.score(history, new float[2], 1);
        assertArrayEquals(new float[]{4f, 8f, 12f, 16f}, batch);
        assertArrayEquals(batch, NaiveBenchmark.scorePerItem(LINEAR, history, new float[2], 4));
        assertArrayEquals(new float[]{4f, 8f}, NaiveBenchmark.scorePerItem(LINEAR, history, new float[2], 2));
    }

    @Test
    void compareRunsOnceAPerMovieTimesTheClockAndFindsNoDifference() {
        int[] runs = {0};
        ItemScorer counting = (history, profile, rows) -> {
            runs[0]++;
            return LINEAR.score(history, profile, rows);
        };
        double[] clock = {0};
        // Each clock read advances 1 ms: batch timing spans 1 read pair over BATCH_REPEATS runs.
        NaiveBenchmark.Result result = NaiveBenchmark.compare(counting, new float[]{1f, 1f, 0f}, new float[2], 3,
                () -> clock[0] += 1);
        assertEquals(1 + NaiveBenchmark.BATCH_REPEATS + 3, runs[0], "warm-up, repeated batch, one per item");
        assertEquals(3, result.items());
        assertEquals(0f, result.maxAbsDiff());
        assertEquals(1.0 / NaiveBenchmark.BATCH_REPEATS, result.batchMillis(), 1e-12);
        assertEquals(1.0, result.perItemMillis(), 1e-12);
        assertEquals(NaiveBenchmark.BATCH_REPEATS, result.slowdown(), 1e-9);
    }

    @Test
    void aScorerThatDriftsBetweenRunsIsReported() {
        int[] calls = {0};
        ItemScorer drifting = (history, profile, rows) -> {
            calls[0]++;
            float[] scores = LINEAR.score(history, profile, rows);
            scores[1] += calls[0] * 0.25f; // a different answer on every call
            return scores;
        };
        NaiveBenchmark.Result result = NaiveBenchmark.compare(drifting, new float[]{1f, 0f, 0f}, new float[2], 3,
                () -> 0);
        assertTrue(result.maxAbsDiff() > 0, "per-item and batch disagree: " + result.maxAbsDiff());
        assertTrue(Double.isNaN(result.slowdown()), "a zero batch time gives no ratio rather than infinity");
    }

    @Test
    void asksForAtLeastOneMovie() {
        assertThrows(IllegalArgumentException.class,
                () -> NaiveBenchmark.compare(LINEAR, new float[3], new float[2], 0, () -> 0));
    }
}
