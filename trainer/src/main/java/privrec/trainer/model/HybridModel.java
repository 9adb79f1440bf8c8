package privrec.trainer.model;

import privrec.core.Encoder;
import privrec.core.ItemScorer;

/**
 * The shipped model, in memory: {@code scores = collab(history) + β·(profile·W + b)}. This is the trainer's
 * {@link ItemScorer}; the ONNX graph computes the same expression (verified before anything is written).
 *
 * @param collab  low-rank EASE factors
 * @param profile Tribuo linear regression from profile one-hot to item positives
 * @param beta    weight of the profile part, tuned on validation users
 */
public record HybridModel(CollaborativeFactors collab, ProfileWeights profile, float beta) implements ItemScorer {
    public HybridModel {
        if (collab.itemCount() != profile.itemCount()) {
            throw new IllegalArgumentException("collaborative and profile parts differ in item count");
        }
    }

    public int itemCount() {
        return collab.itemCount();
    }

    /** What ships: the int8 basis ({@link CollaborativeFactors#quantized}) and int8 profile weights. */
    public HybridModel quantized() {
        return new HybridModel(collab.quantized(), profile.quantized(), beta);
    }

    /** From the basis directly, as the graph's {@code contributions} output computes it. */
    @Override
    public float[] contributions(int itemCount, int[] items, float[] weights, int[] targets) {
        ItemScorer.checkExplanation(items, weights, targets, itemCount());
        return collab.contributions(items, weights, targets);
    }

    @Override
    public float[] score(float[] history, float[] profileRows, int rows) {
        int n = itemCount();
        int width = Encoder.profileWidth();
        ItemScorer.checkShapes(history, profileRows, rows, n, width);
        float[] out = new float[rows * n];
        float[] row = new float[n];
        for (int r = 0; r < rows; r++) {
            java.util.Arrays.fill(row, 0f);
            collab.addScores(history, r * n, row);
            float[] p = profile.scores(profileRows, r * width);
            for (int j = 0; j < n; j++) {
                out[r * n + j] = row[j] + p[j] * beta;
            }
        }
        return out;
    }
}
