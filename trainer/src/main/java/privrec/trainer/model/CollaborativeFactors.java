package privrec.trainer.model;

/**
 * The low-rank EASE part of the model, float32 exactly as exported: for a history row h,
 * {@code collab = ((h·U) ⊙ s) · Uᵀ ⊙ d}. Storing U once (n × k) instead of A and Bᵀ halves the file.
 *
 * @param u         n × k row-major eigenvectors of G = XᵀX
 * @param s         k shrinkage factors σ/(σ+λ)
 * @param d         n column scales 1/(λ·P_jj)
 * @param itemCount n
 * @param rank      k
 */
public record CollaborativeFactors(float[] u, float[] s, float[] d, int itemCount, int rank) {
    public CollaborativeFactors {
        if (u.length != itemCount * rank || s.length != rank || d.length != itemCount) {
            throw new IllegalArgumentException("factor shapes do not match " + itemCount + " items x rank " + rank);
        }
    }

    /** Adds this part's scores for one history row to {@code out} (length n). */
    void addScores(float[] history, int offset, float[] out) {
        int n = itemCount;
        int k = rank;
        // Float rounding at the same op boundaries as the ONNX graph (Gemm, Mul, Gemm, Mul) keeps parity tight.
        double[] t = new double[k];
        for (int j = 0; j < n; j++) {
            float h = history[offset + j];
            if (h != 0f) {
                int base = j * k;
                for (int i = 0; i < k; i++) {
                    t[i] += h * u[base + i];
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
