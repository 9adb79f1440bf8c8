package privrec.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopNTest {
    @Test
    void returnsBestFirst() {
        float[] scores = {0.1f, 0.9f, 0.5f, 0.7f};
        assertArrayEquals(new int[] {1, 3, 2}, TopN.select(scores, null, 3, null));
    }

    @Test
    void tiesGoToTheLowerColumn() {
        float[] scores = {0.5f, 0.9f, 0.5f, 0.9f, 0.5f};
        assertArrayEquals(new int[] {1, 3, 0, 2}, TopN.select(scores, null, 4, null));
    }

    @Test
    void excludedAndFilteredColumnsAreNeverReturned() {
        float[] scores = {5, 4, 3, 2, 1};
        boolean[] excluded = {true, false, false, false, false};
        assertArrayEquals(new int[] {1, 3}, TopN.select(scores, excluded, 2, c -> c != 2));
    }

    @Test
    void mayReturnFewerThanAskedAndSkipsNaN() {
        float[] scores = {Float.NaN, 1f, Float.NaN};
        assertArrayEquals(new int[] {1}, TopN.select(scores, null, 10, null));
        assertArrayEquals(new int[0], TopN.select(scores, null, 0, null));
    }

    @Test
    void matchesAFullSortOnRandomScores() {
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int size = 1 + random.nextInt(300);
            float[] scores = new float[size];
            for (int i = 0; i < size; i++) {
                scores[i] = random.nextInt(20) / 4f; // many ties on purpose
            }
            int n = random.nextInt(size + 5);
            int[] expected = IntStream.range(0, size).boxed()
                    .sorted((a, b) -> scores[a] != scores[b] ? Float.compare(scores[b], scores[a]) : Integer.compare(a, b))
                    .limit(n).mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected, TopN.select(scores, null, n, null));
        }
    }

    @Test
    void rejectsMismatchedExclusionsAndNegativeCount() {
        assertThrows(IllegalArgumentException.class, () -> TopN.select(new float[3], new boolean[2], 1, null));
        assertThrows(IllegalArgumentException.class, () -> TopN.select(new float[3], null, -1, null));
    }
}
