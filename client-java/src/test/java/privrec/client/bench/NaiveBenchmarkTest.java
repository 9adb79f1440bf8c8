package privrec.client.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import privrec.core.ItemScorer;

class NaiveBenchmarkTest {
    @Test
    void perItemPathRunsOncePerMovieAndAgreesWithTheBatch() {
        int[] runs = {0};
        ItemScorer scorer = (history, profile, rows) -> {
            runs[0]++;
            return new float[]{0.5f, 1.5f, 2.5f};
        };
        double[] clock = {0};

        NaiveBenchmark.Result result = NaiveBenchmark.compare(scorer, new float[3], new float[2], 3,
                () -> clock[0] += 1);

        assertEquals(3, result.items());
        assertEquals(0f, result.maxAbsDiff());
        assertEquals(1 + NaiveBenchmark.BATCH_REPEATS + 3, runs[0], "warm-up, repeated batch, one per item");
        assertArrayEquals(new float[]{0.5f, 1.5f, 2.5f},
                NaiveBenchmark.scorePerItem(scorer, new float[3], new float[2], 3));
    }
}
