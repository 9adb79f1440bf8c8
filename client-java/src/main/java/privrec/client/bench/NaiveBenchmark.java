package privrec.client.bench;

import java.util.function.DoubleSupplier;
import privrec.core.ItemScorer;

/**
 * The comparison for the benchmark page: scoring the catalog with one {@code run} for all items (what the app
 * does) versus one {@code run} per movie (the naive pattern of asking the model about each candidate
 * separately). Both use the same scorer and input, so the scores must agree; the result says how closely.
 */
public final class NaiveBenchmark {
    /** Batch runs averaged: one run is ~0.1 ms, below the resolution browsers give {@code performance.now()}. */
    static final int BATCH_REPEATS = 20;

    /**
     * @param batchMillis   one batch run (all items), averaged over {@link #BATCH_REPEATS}
     * @param perItemMillis all {@code items} per-item runs together
     * @param maxAbsDiff    largest difference between batch and per-item scores (should be 0)
     */
    public record Result(int items, double batchMillis, double perItemMillis, float maxAbsDiff) {
        /** How many times slower the per-item path was. */
        public double slowdown() {
            return batchMillis <= 0 ? Double.NaN : perItemMillis / batchMillis;
        }
    }

    private NaiveBenchmark() {
    }

    /** Scores of the first {@code items} movies, one model run each; entry {@code i} is the score of movie i. */
    public static float[] scorePerItem(ItemScorer scorer, float[] history, float[] profile, int items) {
        float[] scores = new float[items];
        for (int i = 0; i < items; i++) {
            scores[i] = scorer.score(history, profile, 1)[i];
        }
        return scores;
    }

    /**
     * Times one batch run against {@code items} per-item runs (items ≤ itemCount; the per-item path over the whole
     * catalog takes a while). {@code clockMillis}: {@code BrowserClock::nowMillis} in the browser.
     */
    public static Result compare(ItemScorer scorer, float[] history, float[] profile, int items,
                                 DoubleSupplier clockMillis) {
        if (items <= 0) {
            throw new IllegalArgumentException("items " + items + " must be positive");
        }
        scorer.score(history, profile, 1); // warm-up: the first run pays one-off costs in the runtime
        double t0 = clockMillis.getAsDouble();
        float[] batch = null;
        for (int r = 0; r < BATCH_REPEATS; r++) {
            batch = scorer.score(history, profile, 1);
        }
        double t1 = clockMillis.getAsDouble();
        float[] single = scorePerItem(scorer, history, profile, items);
        double t2 = clockMillis.getAsDouble();
        float maxDiff = 0f;
        for (int i = 0; i < items; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(batch[i] - single[i]));
        }
        return new Result(items, (t1 - t0) / BATCH_REPEATS, t2 - t1, maxDiff);
    }
}
