package privrec.trainer.model;

import java.util.Arrays;

/**
 * The collaborative part of the model, float32 exactly as exported: for a history row h,
 * {@code collab = (((h^p ⊙ a)·U) ⊙ s) · Uᵀ ⊙ d}. Storing U once (n × k) instead of A and Bᵀ halves the file.
 *
 * <p>{@code h^p} (entrywise, p = {@link #inputPower}) is the same transform the training matrix got
 * ({@link SparseRowMatrix#historyWeighted}), so the model sees a browser's history row on the scale it was trained
 * on; {@code a} and the popularity factor inside {@code d} re-weight items by popularity (see {@link ModelTrainer}).
 *
 * @param u          n × k row-major eigenvectors of G = XᵀX
 * @param s          k shrinkage factors σ/(σ+λ)
 * @param d          n column scales 1/(λ·P_jj), times the output popularity factor
 * @param inputPower p, applied to every history entry (history weights are ≥ 0)
 * @param inputScale n per-item input weights a
 * @param itemCount  n
 * @param rank       k
 */
public record CollaborativeFactors(float[] u, float[] s, float[] d, float inputPower, float[] inputScale,
                                   int itemCount, int rank) {
    public CollaborativeFactors {
        if (u.length != itemCount * rank || s.length != rank || d.length != itemCount
                || inputScale.length != itemCount) {
            throw new IllegalArgumentException("factor shapes do not match " + itemCount + " items x rank " + rank);
        }
        if (!(inputPower > 0)) {
            throw new IllegalArgumentException("input power " + inputPower + " must be positive");
        }
    }

    /** Plain low-rank EASE: history entries taken as they are. */
    public CollaborativeFactors(float[] u, float[] s, float[] d, int itemCount, int rank) {
        this(u, s, d, 1f, ones(itemCount), itemCount, rank);
    }

    private static float[] ones(int n) {
        float[] a = new float[n];
        Arrays.fill(a, 1f);
        return a;
    }

    /** The same factors with history entries raised to {@code power}, scaled by {@code input}, outputs by {@code output}. */
    public CollaborativeFactors reweighted(float power, float[] input, float[] output) {
        float[] scaled = new float[itemCount];
        for (int j = 0; j < itemCount; j++) {
            scaled[j] = d[j] * output[j];
        }
        return new CollaborativeFactors(u, s, scaled, power, input.clone(), itemCount, rank);
    }

    /** h^p ⊙ a for one history entry, rounded to float like ONNX's Pow then Mul. */
    float transformed(float h, int j) {
        float powered = inputPower == 1f ? h : (float) Math.pow(h, inputPower);
        return powered * inputScale[j];
    }

    /** Adds this part's scores for one history row to {@code out} (length n). */
    void addScores(float[] history, int offset, float[] out) {
        int n = itemCount;
        int k = rank;
        // Float rounding at the same op boundaries as the ONNX graph (Pow, Mul, Gemm, Mul, Gemm, Mul) keeps parity tight.
        double[] t = new double[k];
        for (int j = 0; j < n; j++) {
            float h = history[offset + j];
            if (h != 0f) {
                float x = transformed(h, j);
                int base = j * k;
                for (int i = 0; i < k; i++) {
                    t[i] += x * u[base + i];
                }
            }
        }
        float[] ts = new float[k];
        for (int i = 0; i < k; i++) {
            ts[i] = (float) t[i] * s[i];
        }
        for (int j = 0; j < n; j++) {
            int base = j * k;
            double sum = 0;
            for (int i = 0; i < k; i++) {
                sum += ts[i] * u[base + i];
            }
            out[j] += (float) sum * d[j];
        }
    }
}
