package privrec.trainer.eval;

import privrec.trainer.model.Metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/** The four reported metrics, averaged over users. */
public record MetricSet(double recall20, double recall50, double ndcg10, double ndcg100, int users) {
    public static final int DEPTH = 100;

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("recall@20", round(recall20));
        map.put("recall@50", round(recall50));
        map.put("ndcg@10", round(ndcg10));
        map.put("ndcg@100", round(ndcg100));
        return map;
    }

    /** Four decimals: enough to compare models, and stable text for the manifest. */
    static double round(double value) {
        return Math.rint(value * 10_000) / 10_000;
    }

    /** Accumulates per-user metrics. */
    public static final class Accumulator {
        private double r20;
        private double r50;
        private double n10;
        private double n100;
        private int users;

        public void add(int[] ranked, boolean[] target, int targetCount) {
            r20 += Metrics.recall(ranked, target, targetCount, 20);
            r50 += Metrics.recall(ranked, target, targetCount, 50);
            n10 += Metrics.ndcg(ranked, target, targetCount, 10);
            n100 += Metrics.ndcg(ranked, target, targetCount, 100);
            users++;
        }

        public MetricSet result() {
            int u = Math.max(users, 1);
            return new MetricSet(r20 / u, r50 / u, n10 / u, n100 / u, users);
        }
    }

    /** Mean over folds (each fold already a mean over its users). */
    public static MetricSet meanOf(Iterable<MetricSet> folds) {
        double a = 0, b = 0, c = 0, d = 0;
        int count = 0;
        int users = 0;
        for (MetricSet m : folds) {
            a += m.recall20;
            b += m.recall50;
            c += m.ndcg10;
            d += m.ndcg100;
            users += m.users;
            count++;
        }
        if (count == 0) {
            return new MetricSet(0, 0, 0, 0, 0);
        }
        return new MetricSet(a / count, b / count, c / count, d / count, users);
    }
}
