package privrec.trainer.model;

import java.util.Arrays;

/**
 * The collaborative part of the model, float32 exactly as exported: for a history row h,
 * {@code collab = (((h^p ⊙ a)·U) ⊙ s) · Uᵀ ⊙ (d ⊙ r)}. Storing U once (n × k) instead of A and Bᵀ halves the file.
 * r is U's per-row scale once U holds int8 codes ({@link #quantized}; all ones before): the stable item basis is
 * (codes, r, a), which a model update keeps, while s and d are re-fitted on new data (docs/model-updates.md).
 *
 * <p>{@code h^p} (entrywise, p = {@link #inputPower}) is the same transform the training matrix got
 * ({@link SparseRowMatrix#historyWeighted}), so the model sees a browser's history row on the scale it was trained
 * on; {@code a} and the popularity factor inside {@code d} re-weight items by popularity (see {@link ModelTrainer}).
 *
 * @param u          n × k row-major eigenvectors of G = XᵀX
 * @param s          k shrinkage factors σ/(σ+λ)
 * @param d          n column scales 1/(λ·P_jj), times the output popularity factor
 * @param inputPower p, applied to every history entry (history weights are ≥ 0)
 * @param inputScale n per-item input weights a (times r once quantized)
 * @param rowScale   n per-row scales r of U (ones unless U holds int8 codes)
 * @param itemCount  n
 * @param rank       k
 */
public record CollaborativeFactors(float[] u, float[] s, float[] d, float inputPower, float[] inputScale,
                                   float[] rowScale, int itemCount, int rank) {
    public CollaborativeFactors {
        if (u.length != itemCount * rank || s.length != rank || d.length != itemCount
                || inputScale.length != itemCount || rowScale.length != itemCount) {
            throw new IllegalArgumentException("factor shapes do not match " + itemCount + " items x rank " + rank);
        }
        if (!(inputPower > 0)) {
            throw new IllegalArgumentException("input power " + inputPower + " must be positive");
        }
    }

    /** Plain low-rank EASE: history entries taken as they are. */
    public CollaborativeFactors(float[] u, float[] s, float[] d, int itemCount, int rank) {
        this(u, s, d, 1f, ones(itemCount), ones(itemCount), itemCount, rank);
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
        return new CollaborativeFactors(u, s, scaled, power, input.clone(), rowScale, itemCount, rank);
    }

    /**
     * The same scores from an int8 basis: each row of U becomes int8 codes Q with its own scale r_j (float16), and
     * {@code (h^p ⊙ a)·U = (h^p ⊙ a ⊙ r)·Q}, {@code (t·Uᵀ) ⊙ d = (t·Qᵀ) ⊙ d ⊙ r}. a' = a ⊙ r is stored with the basis;
     * d and r are stored apart (d changes with every update, r only with the basis) and multiplied in the graph,
     * which ONNX Runtime folds once at load, as it folds the Cast of the int8 codes. The returned factors hold the
     * codes as floats ({@link #hasInt8Basis}); a', d and r are rounded to float16 ({@link Half}) as stored; s (k
     * values) stays float32.
     */
    public CollaborativeFactors quantized() {
        int n = itemCount;
        int k = rank;
        float[] codes = new float[n * k];
        float[] scales = Int8.rowScales(u, n, k);
        float[] input = new float[n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < k; i++) {
                codes[j * k + i] = Int8.code(u[j * k + i], scales[j]);
            }
            input[j] = inputScale[j] * scales[j];
        }
        return new CollaborativeFactors(codes, s, Half.round(d), inputPower, Half.round(input), scales, n, k);
    }

    /** d ⊙ r, as the graph's folded Mul computes it. */
    public float[] outputScale() {
        float[] out = new float[itemCount];
        for (int j = 0; j < itemCount; j++) {
            out[j] = d[j] * rowScale[j];
        }
        return out;
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
        float[] dr = outputScale();
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
                out[l * targets.length + c] = (float) sum * dr[targets[c]];
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
        float[] ts = shrunkLatent(history, offset);
        float[] dr = outputScale();
        int n = itemCount;
        int k = rank;
        for (int j = 0; j < n; j++) {
            int base = j * k;
            double sum = 0;
            for (int i = 0; i < k; i++) {
                sum += ts[i] * u[base + i];
            }
            out[j] += (float) sum * dr[j];
        }
    }

    /** {@code ((h^p ⊙ a)·U) ⊙ s} for one history row: the k-dimensional code the decoder {@code Uᵀ} turns into scores. */
    float[] shrunkLatent(float[] history, int offset) {
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
        return ts;
    }

    /**
     * {@code (z·Uᵀ)_j} in float, for each item j: the decoder applied to one code of at most k values (a shorter
     * code covers the leading columns, the rest taken as zero).
     */
    float[] decode(float[] z) {
        int n = itemCount;
        int k = rank;
        int used = Math.min(z.length, k);
        float[] out = new float[n];
        for (int j = 0; j < n; j++) {
            int base = j * k;
            double sum = 0;
            for (int i = 0; i < used; i++) {
                sum += z[i] * u[base + i];
            }
            out[j] = (float) sum;
        }
        return out;
    }
}
