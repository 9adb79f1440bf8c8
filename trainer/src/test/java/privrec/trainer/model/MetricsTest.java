package privrec.trainer.model;

import privrec.trainer.eval.MetricSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MetricsTest {
    private static boolean[] targets(int n, int... columns) {
        boolean[] mask = new boolean[n];
        for (int c : columns) {
            mask[c] = true;
        }
        return mask;
    }

    @Test
    void recallDividesByTheSmallerOfKAndTargetCount() {
        int[] ranked = {3, 1, 4, 0, 2};
        // Targets {1, 2}: top 2 = {3, 1} has one hit; min(2, 2) = 2.
        assertEquals(0.5, Metrics.recall(ranked, targets(5, 1, 2), 2, 2), 1e-12);
        // Top 5 holds both: 2 / min(5, 2) = 1.
        assertEquals(1.0, Metrics.recall(ranked, targets(5, 1, 2), 2, 5), 1e-12);
        // Three targets, K = 2, one hit in top 2: 1 / min(2, 3) = 0.5 (not 1/3).
        assertEquals(0.5, Metrics.recall(ranked, targets(5, 1, 0, 2), 3, 2), 1e-12);
    }

    @Test
    void ndcgUsesBinaryGainsAndAnIdealOverMinOfKAndTargets() {
        int[] ranked = {3, 1, 4, 0, 2};
        // Targets {1, 2}, K = 5: DCG = 1/log2(3) + 1/log2(6); ideal = 1 + 1/log2(3).
        double dcg = 1 / log2(3) + 1 / log2(6);
        double ideal = 1 + 1 / log2(3);
        assertEquals(dcg / ideal, Metrics.ndcg(ranked, targets(5, 1, 2), 2, 5), 1e-12);
        // K = 1 with three targets: ideal is one hit at rank 1; first item (3) is a miss.
        assertEquals(0.0, Metrics.ndcg(ranked, targets(5, 1, 0, 2), 3, 1), 1e-12);
        // Perfect ranking scores 1.
        assertEquals(1.0, Metrics.ndcg(new int[]{1, 2, 0}, targets(3, 1, 2), 2, 3), 1e-12);
        // Hit at rank 2 of K = 2 with one target: (1/log2(3)) / 1.
        assertEquals(1 / log2(3), Metrics.ndcg(new int[]{0, 1}, targets(2, 1), 1, 2), 1e-12);
    }

    @Test
    void shortRankingsCountOnlyWhatIsThere() {
        assertEquals(1.0, Metrics.recall(new int[]{2}, targets(3, 2), 1, 20), 1e-12);
        assertEquals(1.0, Metrics.ndcg(new int[]{2}, targets(3, 2), 1, 100), 1e-12);
    }

    @Test
    void metricsNeedATarget() {
        assertThrows(IllegalArgumentException.class, () -> Metrics.recall(new int[]{0}, new boolean[1], 0, 5));
        assertThrows(IllegalArgumentException.class, () -> Metrics.ndcg(new int[]{0}, new boolean[1], 0, 5));
    }

    @Test
    void metricSetAveragesFoldMeans() {
        MetricSet a = new MetricSet(0.2, 0.4, 0.1, 0.3, 10);
        MetricSet b = new MetricSet(0.4, 0.6, 0.3, 0.5, 30);
        MetricSet mean = MetricSet.meanOf(java.util.List.of(a, b));
        assertEquals(0.3, mean.recall20(), 1e-12);
        assertEquals(0.4, mean.ndcg100(), 1e-12);
        assertEquals(40, mean.users());
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
