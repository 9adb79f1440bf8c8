package privrec.core.privacy;

/**
 * Makes a user's report, the same code in the browser and in the trainer's simulation:
 * <ol>
 *   <li>the projection {@code z = Σ_j w_j^p · U_j} of the user's history row (graded weights w, the model's input
 *       power p) on the stored item basis — with the basis frozen, the collaborative core of the next release
 *       depends on users only through {@code M = Σ z zᵀ} (docs/contributions.md);</li>
 *   <li>clipping: {@code ẑ = z · min(1, C/‖z‖)}, so one user moves the sum by at most 2C;</li>
 *   <li>the Gaussian mechanism: {@code z̃ = ẑ + N(0, σ²I)}, σ from {@link ContributionPolicy#sigma}.</li>
 * </ol>
 */
public final class Contribution {
    private Contribution() {
    }

    /** z over the columns with a positive history weight. */
    public static double[] project(float[] history, BasisRows basis, double inputPower) {
        if (history.length != basis.itemCount()) {
            throw new IllegalArgumentException("history has " + history.length + " columns, the basis "
                    + basis.itemCount());
        }
        int count = 0;
        for (float w : history) {
            count += w > 0 ? 1 : 0;
        }
        int[] columns = new int[count];
        float[] weights = new float[count];
        count = 0;
        for (int j = 0; j < history.length; j++) {
            if (history[j] > 0) {
                columns[count] = j;
                weights[count++] = history[j];
            }
        }
        return project(columns, weights, basis, inputPower);
    }

    /** z of a sparse history: {@code weights[e]} at column {@code columns[e]}; weights ≤ 0 add nothing. */
    public static double[] project(int[] columns, float[] weights, BasisRows basis, double inputPower) {
        int k = basis.rank();
        double[] z = new double[k];
        for (int e = 0; e < columns.length; e++) {
            if (weights[e] > 0) {
                int j = columns[e];
                double w = Math.pow(weights[e], inputPower) * basis.rowScale(j);
                for (int i = 0; i < k; i++) {
                    z[i] += w * basis.code(j, i);
                }
            }
        }
        return z;
    }

    /** z scaled down to norm C when it is longer. */
    public static double[] clip(double[] z, double clip) {
        double norm = 0;
        for (double v : z) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        double scale = norm > clip ? clip / norm : 1;
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = z[i] * scale;
        }
        return out;
    }

    /** ẑ + N(0, σ²I), rounded to float32 as sent. */
    public static float[] noised(double[] clipped, double sigma, GaussianNoise noise) {
        float[] out = new float[clipped.length];
        for (int i = 0; i < clipped.length; i++) {
            out[i] = (float) (clipped[i] + sigma * noise.next());
        }
        return out;
    }

    /** The whole report for a history row at the chosen ε. */
    public static ContributionReport report(String release, ContributionPolicy policy, double epsilon,
                                            float[] history, BasisRows basis, NoiseSource random) {
        if (!policy.allows(epsilon)) {
            throw new IllegalArgumentException("epsilon " + epsilon + " is not offered by this release");
        }
        if (basis.rank() != policy.rank()) {
            throw new IllegalArgumentException("the basis has rank " + basis.rank() + ", the policy " + policy.rank());
        }
        double[] clipped = clip(project(history, basis, policy.inputPower()), policy.clip());
        return new ContributionReport(release, (float) epsilon,
                noised(clipped, policy.sigma(epsilon), new GaussianNoise(random)));
    }
}
