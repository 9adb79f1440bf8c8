package privrec.trainer.model;

/**
 * Low-rank EASE. EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019) scores an unseen
 * item j as {@code -(x·P)_j / P_jj} with {@code P = (G + λI)⁻¹}. Writing G = QΣQᵀ gives
 * {@code P = (1/λ)(I − Q·diag(σ/(σ+λ))·Qᵀ)}, so for x_j = 0 the score is {@code (x·Q S Qᵀ)_j / (λ P_jj)} with
 * {@code S = diag(σ/(σ+λ))}. Terms with σ ≪ λ barely contribute to the numerator, so keeping the top-k
 * eigenpairs costs little accuracy and makes the model n·k floats instead of n².
 *
 * <p>The denominator needs the full diagonal {@code λP_jj = 1 − Σ_i Q_ji² σ_i/(σ_i+λ)}. The top-k pairs give
 * most of it; the rest ("tail", i &gt; k) is estimated from quantities known exactly: its weight
 * {@code m_j = 1 − Σ_{i≤k} Q_ji²} and its energy {@code r_j = G_jj − Σ_{i≤k} Q_ji² σ_i}. Treating the tail as one
 * eigenvalue r_j/m_j gives {@code t_j = m_j r_j / (r_j + λ m_j)} (an upper bound by Jensen, since σ/(σ+λ) is
 * concave). Without it, popular items' P_jj is overestimated and they are under-scored.
 */
public final class LowRankEase {
    private LowRankEase() {
    }

    public static CollaborativeFactors factors(Eigenpairs eigen, int rank, double[] gramDiagonal, double lambda,
                                               boolean tailCorrection) {
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("lambda " + lambda + " must be positive");
        }
        int n = eigen.n();
        int k = Math.min(rank, eigen.rank());
        int stride = eigen.rank();
        double[] q = eigen.vectors();
        float[] u = new float[n * k];
        float[] s = new float[k];
        double[] shrink = new double[k];
        for (int i = 0; i < k; i++) {
            double sigma = eigen.values()[i];
            shrink[i] = sigma / (sigma + lambda);
            s[i] = (float) shrink[i];
        }
        float[] d = new float[n];
        for (int j = 0; j < n; j++) {
            double head = 0;
            double weight = 0;
            double energy = 0;
            for (int i = 0; i < k; i++) {
                double qji = q[j * stride + i];
                u[j * k + i] = (float) qji;
                double q2 = qji * qji;
                head += q2 * shrink[i];
                weight += q2;
                energy += q2 * eigen.values()[i];
            }
            d[j] = (float) columnScale(head, weight, energy, gramDiagonal[j], lambda, tailCorrection);
        }
        return new CollaborativeFactors(u, s, d, n, k);
    }

    /**
     * {@code 1/(λP_jj)} for one item from its basis row's sums: {@code head = Σ_i q_ji² s_i}, {@code weight = Σ_i
     * q_ji²}, {@code energy = Σ_i q_ji² σ_i}, with the tail estimate described above when {@code tailCorrection}.
     */
    static double columnScale(double head, double weight, double energy, double gramDiagonal, double lambda,
                              boolean tailCorrection) {
        double tail = 0;
        if (tailCorrection) {
            double m = Math.max(0, 1 - weight);
            double r = Math.max(0, gramDiagonal - energy);
            tail = m <= 1e-12 || r <= 0 ? 0 : m * r / (r + lambda * m);
        }
        // λP_jj ≥ λ/(σ_max+λ) > 0 in exact arithmetic; the floor only guards rounding.
        return 1 / Math.max(1e-6, 1 - head - tail);
    }
}
