package privrec.trainer.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import privrec.core.privacy.BasisRows;
import privrec.core.privacy.Contribution;
import privrec.core.privacy.ContributionPolicy;

/**
 * The operator's terms for contributions to a release (the manifest's {@code contributions}, docs/contributions.md):
 * the default ε and δ, the ε values a user may lower to, and the clipping norm C. C is the median norm of the
 * projection z over (up to {@value #CLIP_SAMPLE} of) the operator's own training users, so about half of all
 * reports are clipped: a larger C keeps more of long histories but the noise grows with it (σ ∝ 2C).
 */
public final class ContributionTerms {
    static final int CLIP_SAMPLE = 5_000;

    /** What the operator chooses; {@link #defaults()} unless the command line says otherwise. */
    public record Settings(double epsilon, double delta, List<Double> epsilons, int minReports, int maxDelaySeconds,
                           double clipQuantile) {
        public static Settings defaults() {
            return new Settings(2, 1e-6, List.of(0.5, 1.0, 2.0), 1_000, 1_800, 0.5);
        }
    }

    private ContributionTerms() {
    }

    /** The stored basis (int8 codes and row scales) as core's contribution code reads it. */
    public static BasisRows basis(CollaborativeFactors factors) {
        if (!factors.hasInt8Basis()) {
            throw new IllegalArgumentException("contributions are defined on the stored (int8) basis");
        }
        return new BasisRows() {
            @Override
            public int itemCount() {
                return factors.itemCount();
            }

            @Override
            public int rank() {
                return factors.rank();
            }

            @Override
            public float rowScale(int item) {
                return factors.rowScale()[item];
            }

            @Override
            public int code(int item, int i) {
                return (int) factors.u()[item * factors.rank() + i];
            }
        };
    }

    /** A user's projection z, exactly as the browser computes it from the same history weights. */
    public static double[] projection(UserPositives user, BasisRows basis, double inputPower) {
        return Contribution.project(user.weightedColumns(), user.weights(), basis, inputPower);
    }

    /** The terms for a release, or null when there are no users to set C from. */
    public static ContributionPolicy of(List<UserPositives> users, CollaborativeFactors factors, Settings settings) {
        if (users.isEmpty()) {
            return null;
        }
        BasisRows basis = basis(factors);
        int step = Math.max(1, users.size() / CLIP_SAMPLE);
        List<Double> norms = new ArrayList<>();
        for (int u = 0; u < users.size(); u += step) {
            double sq = 0;
            for (double v : projection(users.get(u), basis, factors.inputPower())) {
                sq += v * v;
            }
            norms.add(Math.sqrt(sq));
        }
        double[] sorted = norms.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        double clip = sorted[(int) Math.min(sorted.length - 1, Math.floor(settings.clipQuantile() * sorted.length))];
        // Three significant digits: the manifest shows a round number, and every side computes σ from it.
        clip = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", clip));
        return new ContributionPolicy(settings.epsilon(), settings.delta(), clip, factors.rank(),
                factors.inputPower(), settings.epsilons(), settings.minReports(), settings.maxDelaySeconds());
    }
}
