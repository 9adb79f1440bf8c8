package privrec.trainer.model;

import privrec.core.Encoder;
import privrec.core.ItemScorer;

/**
 * The shipped model, in memory: {@code scores = collab(history) + (β·(profile·V + c)·Uᵀ) ⊙ r + β·m}. This is the
 * trainer's {@link ItemScorer}; the ONNX graph computes the same expression (verified before anything is written).
 *
 * <p>The profile part is "popular with people like you": m is each movie's positive rate over all training users
 * (an empty profile gets exactly MostPopular), and a Tribuo regression predicts how a profile group's rates differ
 * from m, as a code in the item basis (k values) that the basis decodes. The profile model is then k columns
 * however large the catalog, and a model update re-fits it without touching the basis ({@link ProfileRegression}).
 *
 * @param collab   low-rank EASE factors
 * @param profile  Tribuo linear regression from profile one-hot to the basis code of the group's deviation from m
 * @param baseline m: per movie, the share of training users with a positive on it (float16 as stored)
 * @param beta     weight of the profile part, tuned on validation users
 */
public record HybridModel(CollaborativeFactors collab, ProfileWeights profile, float[] baseline, float beta)
        implements ItemScorer {
    public HybridModel {
        if (baseline.length != collab.itemCount()) {
            throw new IllegalArgumentException("the baseline has " + baseline.length + " movies, the basis "
                    + collab.itemCount());
        }
        if (profile.itemCount() > collab.rank()) {
            throw new IllegalArgumentException("the profile part predicts " + profile.itemCount()
                    + " basis coordinates but the basis has rank " + collab.rank());
        }
    }

    public int itemCount() {
        return collab.itemCount();
    }

    /** What ships: the int8 basis ({@link CollaborativeFactors#quantized}) and int8 profile weights. */
    public HybridModel quantized() {
        return new HybridModel(collab.quantized(), profile.quantized(), Half.round(baseline), beta);
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
        float[] r = collab.rowScale();
        float[] popular = weightedBaseline();
        for (int rIndex = 0; rIndex < rows; rIndex++) {
            java.util.Arrays.fill(row, 0f);
            collab.addScores(history, rIndex * n, row);
            float[] p = profileScores(profileRows, rIndex * width);
            for (int j = 0; j < n; j++) {
                out[rIndex * n + j] = row[j] + p[j] * r[j] + popular[j];
            }
        }
        return out;
    }

    /** β·m, as the graph's folded Mul computes it. */
    float[] weightedBaseline() {
        float[] out = new float[baseline.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = baseline[j] * beta;
        }
        return out;
    }

    /** {@code (β·(profile·V + c))·Uᵀ} for one profile row, before the row scales r (rounded as the graph rounds). */
    float[] profileScores(float[] profileRows, int offset) {
        float[] code = profile.scores(profileRows, offset);
        float[] z = new float[collab.rank()]; // the leading columns; the rest zero, as the graph pads it
        for (int i = 0; i < code.length; i++) {
            z[i] = code[i] * beta;
        }
        return collab.decode(z);
    }
}
