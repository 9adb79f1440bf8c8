package privrec.trainer.export;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.onnxruntime.OrtException;

import privrec.core.Encoder;
import privrec.core.ItemScorer;
import privrec.core.Profile;

/**
 * Export parity: the ONNX bytes, run by ONNX Runtime Java, must reproduce the in-memory scores (the ones evaluation
 * measured, from the same int8 weights) within {@link #TOLERANCE} on random histories with real users' profiles,
 * and the in-memory explanation contributions on random liked movies and targets, or nothing is written.
 */
public final class Verifier {
    public static final double TOLERANCE = 1e-5;
    public static final int DEFAULT_ROWS = 256;
    private static final int BATCH = 32;

    /**
     * Outcome of a parity check.
     *
     * @param maxAbsDiff        whole served graph, ONNX Runtime session vs the in-memory model
     * @param profileMaxAbsDiff the Tribuo profile part alone, tribuo-onnx's ONNXExternalModel vs in-memory Tribuo
     *                          ({@link TribuoOnnxCheck}); NaN when not run
     */
    public record Result(int rows, double maxAbsDiff, double profileMaxAbsDiff) {
        public Result(int rows, double maxAbsDiff) {
            this(rows, maxAbsDiff, Double.NaN);
        }

        public boolean passed() {
            return maxAbsDiff <= TOLERANCE && (Double.isNaN(profileMaxAbsDiff) || profileMaxAbsDiff <= TOLERANCE);
        }

        public Result withProfileCheck(double diff) {
            return new Result(rows, maxAbsDiff, diff);
        }
    }

    private Verifier() {
    }

    /** The explanation output on random liked movies, weights and targets, against the in-memory model's. */
    private static double contributionsDiff(OrtScorer ort, ItemScorer inMemory, int itemCount, Random random) {
        int liked = 1 + random.nextInt(40);
        int[] items = new int[liked];
        float[] weights = new float[liked];
        for (int l = 0; l < liked; l++) {
            items[l] = random.nextInt(itemCount);
            weights[l] = Encoder.historyWeight(3f + random.nextInt(5) * 0.5f);
        }
        int[] targets = new int[Math.min(itemCount, 24)];
        for (int c = 0; c < targets.length; c++) {
            targets[c] = random.nextInt(itemCount);
        }
        float[] expected = inMemory.contributions(itemCount, items, weights, targets);
        return maxAbsDiff(expected, ort.contributions(itemCount, items, weights, targets), "contributions");
    }

    /** Largest |expected − actual|; a NaN anywhere counts as infinite, a length mismatch throws. */
    private static double maxAbsDiff(float[] expected, float[] actual, String what) {
        if (actual.length != expected.length) {
            throw new IllegalStateException("ONNX model returned " + actual.length + " " + what + ", expected " + expected.length);
        }
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            double diff = Math.abs((double) expected[i] - actual[i]);
            if (!(diff <= max)) {
                max = Double.isNaN(diff) ? Double.POSITIVE_INFINITY : diff;
            }
        }
        return max;
    }

    /**
     * @param profiles real users' profiles to draw from (may be empty: then empty profiles are used)
     * @param tick     called once per batch
     */
    public static Result verify(Map<String, byte[]> parts, String modelFile, ItemScorer inMemory, int itemCount,
                                List<Profile> profiles, int rows, long seed, Runnable tick)
            throws OrtException, IOException {
        Random random = new Random(seed);
        int width = Encoder.profileWidth();
        double max = 0;
        try (OrtScorer ort = OrtScorer.ofParts(parts, modelFile, itemCount)) {
            for (int done = 0; done < rows; done += BATCH) {
                int batch = Math.min(BATCH, rows - done);
                float[] history = new float[batch * itemCount];
                float[] profile = new float[batch * width];
                for (int r = 0; r < batch; r++) {
                    // Row 0 of the first batch is empty (pure cold start); others like 1..~120 random positives.
                    int liked = done + r == 0 ? 0 : 1 + random.nextInt(Math.min(itemCount, 120));
                    for (int i = 0; i < liked; i++) {
                        history[r * itemCount + random.nextInt(itemCount)] = 1f;
                    }
                    Profile p = profiles.isEmpty() ? Profile.EMPTY : profiles.get(random.nextInt(profiles.size()));
                    System.arraycopy(Encoder.encodeProfile(p), 0, profile, r * width, width);
                }
                float[] expected = inMemory.score(history, profile, batch);
                max = Math.max(max, maxAbsDiff(expected, ort.score(history, profile, batch), "scores"));
                max = Math.max(max, contributionsDiff(ort, inMemory, itemCount, random));
                tick.run();
            }
        }
        return new Result(rows, max);
    }
}
