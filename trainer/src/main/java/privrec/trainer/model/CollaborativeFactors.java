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

    /**
     * The same scores from an int8 basis: each row of U becomes int8 codes with its own scale r_j, and r_j moves
     * into the item vectors (a' = a ⊙ r, d' = d ⊙ r), since {@code (h^p ⊙ a)·U = (h^p ⊙ a ⊙ r)·Q} and
     * {@code (t·Uᵀ) ⊙ d = (t·Qᵀ) ⊙ d ⊙ r}. The returned factors hold the codes as floats ({@link #hasInt8Basis});
     * the export stores them as an int8 tensor cast to float in the graph, which ONNX Runtime folds once at load.
     * a' and d' are rounded to float16 ({@link Half}), as stored; s (k values) stays float32.
     */
    public CollaborativeFactors quantized() {
        int n = itemCount;
        int k = rank;
        float[] codes = new float[n * k];
        float[] input = new float[n];
        float[] output = new float[n];
        for (int j = 0; j < n; j++) {
            float max = 0f;
            for (int i = 0; i < k; i++) {
                max = Math.max(max, Math.abs(u[j * k + i]));
            }
            float r = Int8.scale(max);
            for (int i = 0; i < k; i++) {
                codes[j * k + i] = Int8.code(u[j * k + i], r);
            }
            input[j] = inputScale[j] * r;
            output[j] = d[j] * r;
        }
        return new CollaborativeFactors(codes, s, Half.round(output), inputPower, Half.round(input), n, k);
    }

    /** True when U holds int8 codes ({@link #quantized}). */
    public boolean hasInt8Basis() {
        return Int8.isCodes(u);
    }

    /**
     * Contribution of each liked item alone to each target's collaborative score (row-major L × C):
     * {@code ((w_l^p · a_l) · U[l]) ⊙ s · U[c]ᵀ · d_c}, rounded at the graph's op boundaries.
     */
    public float[] contributions(int[] items, float[] weights, int[] targets) {
        int k = rank;
        float[] out = new float[items.length * targets.length];
        float[] z = new float[k];
        for (int l = 0; l < items.length; l++) {
            float x = transformed(weights[l], items[l]);
            int base = items[l] * k;
            for (int i = 0; i < k; i++) {
                z[i] = (u[base + i] * x) * s[i];
            }
            for (int c = 0; c < targets.length; c++) {
                int t = targets[c] * k;
                double sum = 0;
                for (int i = 0; i < k; i++) {
                    sum += z[i] * u[t + i];
                }
                out[l * targets.length + c] = (float) sum * d[targets[c]];
            }
        }
        return out;
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
