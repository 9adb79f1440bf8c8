package privrec.core.privacy;

/**
 * The debiased aggregate of reports: with {@code z̃ = ẑ + N(0, σ²I)}, {@code E[z̃ z̃ᵀ] = ẑ ẑᵀ + σ²I}, so
 * {@code Σ z̃ z̃ᵀ − (Σσ²) I} is an unbiased estimate of {@code Σ ẑ ẑᵀ}. Its error per entry has standard deviation
 * about {@code √(Σ(2σ⁴ + 4σ²ẑ_i²))} on the diagonal: it grows like √n while the signal grows like n.
 *
 * <p>Each report is also clipped again here to the norm bound the check allows, so a crafted report moves the sum
 * by a bounded amount whatever it holds.
 */
public final class ContributionEstimate {
    private final int rank;
    private final boolean full;
    private final double[] sum;
    private final double[] fourth;
    private double noiseVariance;
    private int count;

    /** @param full whether to keep all k × k entries (k² work per report) or the diagonal only */
    public ContributionEstimate(int rank, boolean full) {
        this.rank = rank;
        this.full = full;
        this.sum = new double[full ? rank * rank : rank];
        this.fourth = new double[rank];
    }

    /** Adds one report whose noise had standard deviation σ, capped at norm {@code maxNorm}. */
    public void add(float[] values, double sigma, double maxNorm) {
        if (values.length != rank) {
            throw new IllegalArgumentException("a report of rank " + values.length + " in an estimate of rank " + rank);
        }
        double[] v = new double[rank];
        for (int i = 0; i < rank; i++) {
            v[i] = values[i];
        }
        v = Contribution.clip(v, maxNorm);
        for (int i = 0; i < rank; i++) {
            double vi = v[i];
            fourth[i] += vi * vi * vi * vi;
            if (full) {
                for (int j = 0; j < rank; j++) {
                    sum[i * rank + j] += vi * v[j];
                }
            } else {
                sum[i] += vi * vi;
            }
        }
        noiseVariance += sigma * sigma;
        count++;
    }

    public int count() {
        return count;
    }

    public int rank() {
        return rank;
    }

    /** The estimate of Σ ẑ ẑᵀ, row-major k × k; only with {@code full}. */
    public double[] secondMoment() {
        if (!full) {
            throw new IllegalStateException("this estimate keeps the diagonal only");
        }
        double[] out = sum.clone();
        for (int i = 0; i < rank; i++) {
            out[i * rank + i] -= noiseVariance;
        }
        return out;
    }

    /**
     * Per coordinate, the variance of the per-report mean of the diagonal estimate, {@code Var(z̃_i²)/n}, from the
     * reports' own spread: sampling and noise together, which is what decides how much the estimate can be trusted.
     */
    public double[] varianceOfMean() {
        double[] out = new double[rank];
        for (int i = 0; i < rank; i++) {
            double second = (full ? sum[i * rank + i] : sum[i]) / count;
            out[i] = Math.max(0, fourth[i] / count - second * second) / count;
        }
        return out;
    }

    /** The estimate of the diagonal of Σ ẑ ẑᵀ (unbiased; single entries may come out negative). */
    public double[] diagonal() {
        double[] out = new double[rank];
        for (int i = 0; i < rank; i++) {
            out[i] = (full ? sum[i * rank + i] : sum[i]) - noiseVariance;
        }
        return out;
    }
}
