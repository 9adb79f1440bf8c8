package privrec.trainer.model;

/**
 * Ranking metrics of the evaluation protocol (docs/evaluation.md, after Liang et al. 2018):
 * {@code Recall@K = hits in top K / min(K, |targets|)} and binary NDCG@K whose ideal DCG places
 * {@code min(K, |targets|)} hits at the top.
 */
public final class Metrics {
    private Metrics() {
    }

    /** @param ranked columns best first; @param target membership per column */
    public static double recall(int[] ranked, boolean[] target, int targetCount, int k) {
        if (targetCount == 0) {
            throw new IllegalArgumentException("recall needs at least one target");
        }
        int hits = 0;
        for (int r = 0; r < Math.min(k, ranked.length); r++) {
            if (target[ranked[r]]) {
                hits++;
            }
        }
        return hits / (double) Math.min(k, targetCount);
    }

    public static double ndcg(int[] ranked, boolean[] target, int targetCount, int k) {
        if (targetCount == 0) {
            throw new IllegalArgumentException("NDCG needs at least one target");
        }
        double dcg = 0;
        for (int r = 0; r < Math.min(k, ranked.length); r++) {
            if (target[ranked[r]]) {
                dcg += discount(r);
            }
        }
        double ideal = 0;
        for (int r = 0; r < Math.min(k, targetCount); r++) {
            ideal += discount(r);
        }
        return dcg / ideal;
    }

    /** 1 / log2(rank + 2) for a 0-based rank. */
    static double discount(int rank) {
        return 1 / (Math.log(rank + 2) / Math.log(2));
    }
}
