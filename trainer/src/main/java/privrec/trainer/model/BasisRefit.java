package privrec.trainer.model;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import privrec.core.privacy.Contribution;

/**
 * A model update on a frozen item basis (docs/model-updates.md). With the basis U fixed, low-rank EASE on a new Gram
 * matrix G needs only k numbers and one vector: {@code P ≈ U (UᵀGU + λI)⁻¹ Uᵀ + (I − UUᵀ)/λ}. Taking the diagonal
 * of {@code M = UᵀGU} (U was G's eigenbasis when it was computed, so M stays nearly diagonal while the data drifts),
 * the shrinkage is {@code s_i = M_ii / (M_ii + λ)} and the column scale {@code d_j = 1/(λP_jj)} as in
 * {@link LowRankEase}, with {@code M_ii} in place of the eigenvalues. A dense k × k core would be exact for any
 * drift but costs k² numbers per update (256² floats are a quarter of the ML-100k basis); measured in
 * docs/model-updates.md.
 *
 * <p>Movies added since the basis was computed get basis rows from the new data: for an eigenvector basis
 * {@code (G U)_j = σ U_j}, so {@code u_j = (Σ_users x_uj · z_u) / σ̃} with the users' codes {@code z_u = x_u · U} on
 * the basis's own movies and {@code σ̃_i = ‖X U_i‖²}. Their rows are quantized like the basis (int8 codes, one
 * float16 scale per row) and become a new chunk; the basis's own rows, scales and input weights are kept as they
 * are, byte for byte. The profile model is re-trained on the new users in the (extended) basis, and λ, α, γ, β and
 * the input power are the base release's.
 */
public final class BasisRefit {
    /** The stable part of a release: int8 codes (as floats), row scales r and input weights a' = a ⊙ r. */
    public record Basis(float[] codes, float[] rowScale, float[] inputScale, int itemCount, int rank) {
        public Basis {
            if (codes.length != itemCount * rank || rowScale.length != itemCount || inputScale.length != itemCount) {
                throw new IllegalArgumentException("basis arrays do not match " + itemCount + " x " + rank);
            }
        }
    }

    /** The base release's choices, reused as they are. */
    public record Settings(double lambda, double beta, double inputPopularity, double outputPopularity,
                           float inputPower, boolean tailCorrection, ProfileRegression.Settings profile) {
    }

    /**
     * What opted-in users contributed to this release (docs/contributions.md): the debiased estimate of the
     * diagonal of {@code Σ ẑ ẑᵀ} over {@code reports} reports ({@link privrec.core.privacy.ContributionEstimate}).
     * It is added to the operator's own {@code M_ii}. The tail correction also needs each movie's Gram diagonal,
     * which a k-dimensional report does not carry: the operator's is scaled by (operator users + reports) /
     * operator users, i.e. contributors are taken to rate like the operator's users on average.
     */
    public record Contributed(int reports, double[] diagonal, double[] varianceOfMean, double clip) {
        public static final Contributed NONE = new Contributed(0, null, null, 0);

        /** The estimate of reports clipped to norm {@code clip} (the release's C). */
        public static Contributed of(privrec.core.privacy.ContributionEstimate estimate, double clip) {
            return new Contributed(estimate.count(), estimate.diagonal(), estimate.varianceOfMean(), clip);
        }
    }

    private BasisRefit() {
    }

    public static TrainedModel refit(Basis basis, List<UserPositives> users, int itemCount, Settings settings,
                                     String description, OffsetDateTime dataTime) {
        return refit(basis, users, itemCount, settings, description, dataTime, Contributed.NONE);
    }

    /**
     * @param users     the new data's users, with columns in release order: the basis's items first, then the
     *                  {@code itemCount − basis.itemCount()} added movies
     * @param itemCount columns of the updated model
     */
    public static TrainedModel refit(Basis basis, List<UserPositives> users, int itemCount, Settings settings,
                                     String description, OffsetDateTime dataTime, Contributed contributed) {
        int n0 = basis.itemCount();
        int k = basis.rank();
        if (itemCount < n0) {
            throw new IllegalArgumentException("an update keeps every column of its basis");
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException("the new data has no users with positives");
        }
        SparseRowMatrix x = SparseRowMatrix.historyWeighted(users, itemCount, settings.inputPower());
        int[] popularity = Interactions.popularity(users, itemCount);

        // The added movies' rows, from the users' codes on the basis's own movies.
        double[] old = new double[itemCount * k];
        for (int j = 0; j < n0; j++) {
            for (int i = 0; i < k; i++) {
                old[j * k + i] = basis.codes()[j * k + i] * basis.rowScale()[j];
            }
        }
        double[] z = x.multiply(old, k);
        double[] sigma = columnEnergy(z, k);
        double[] projected = x.transposeMultiply(z, k);
        int added = itemCount - n0;
        float[] addedRows = new float[added * k];
        for (int j = 0; j < added; j++) {
            for (int i = 0; i < k; i++) {
                addedRows[j * k + i] = sigma[i] > 0 ? (float) (projected[(n0 + j) * k + i] / sigma[i]) : 0f;
            }
        }
        float[] codes = new float[itemCount * k];
        System.arraycopy(basis.codes(), 0, codes, 0, n0 * k);
        float[] rowScale = new float[itemCount];
        System.arraycopy(basis.rowScale(), 0, rowScale, 0, n0);
        float[] inputScale = new float[itemCount];
        System.arraycopy(basis.inputScale(), 0, inputScale, 0, n0);
        if (added > 0) {
            float[] addedScale = Int8.rowScales(addedRows, added, k);
            float[] addedInput = new float[added];
            for (int j = 0; j < added; j++) {
                for (int i = 0; i < k; i++) {
                    codes[(n0 + j) * k + i] = Int8.code(addedRows[j * k + i], addedScale[j]);
                }
                addedInput[j] = (float) Math.pow(popularity[n0 + j] + 1.0, -settings.inputPopularity()) * addedScale[j];
            }
            System.arraycopy(addedScale, 0, rowScale, n0, added);
            System.arraycopy(Half.round(addedInput), 0, inputScale, n0, added);
        }

        // s and d on the whole (extended) basis as stored.
        double[] full = new double[itemCount * k];
        for (int j = 0; j < itemCount; j++) {
            for (int i = 0; i < k; i++) {
                full[j * k + i] = codes[j * k + i] * rowScale[j];
            }
        }
        double[] m = columnEnergy(x.multiply(full, k), k);
        double[] gramDiagonal = x.gramDiagonal();
        // λ regularizes a sum over users: with more users in M it grows with them (the base's per-user strength).
        double scale = (users.size() + (double) contributed.reports()) / users.size();
        if (contributed.reports() > 0) {
            if (contributed.diagonal().length != k) {
                throw new IllegalArgumentException("contributions of rank " + contributed.diagonal().length
                        + " for a basis of rank " + k);
            }
            // Reports are clipped to C, the operator's own z are not: the two means are combined on the clipped
            // scale (the operator's z clipped the same way), then mapped back per coordinate by the operator's
            // ratio of unclipped to clipped energy — contributors are taken to be clipped like the operator's users.
            double[] ownZ = x.multiply(full, k);
            double[] clippedZ = clipRows(ownZ, k, contributed.clip());
            double[] clippedEnergy = columnEnergy(clippedZ, k);
            double[] own = energyVariance(clippedZ, k);
            int operators = users.size();
            double total = operators + (double) contributed.reports();
            for (int i = 0; i < k; i++) {
                if (!(clippedEnergy[i] > 0)) {
                    continue;
                }
                double mean = precisionWeighted(clippedEnergy[i] / operators, own[i] / operators,
                        contributed.diagonal()[i] / contributed.reports(), contributed.varianceOfMean()[i]);
                m[i] = total * mean * (m[i] / clippedEnergy[i]);
            }
            for (int j = 0; j < gramDiagonal.length; j++) {
                gramDiagonal[j] *= scale;
            }
        }
        double lambda = settings.lambda() * scale;
        float[] s = new float[k];
        for (int i = 0; i < k; i++) {
            s[i] = (float) (m[i] / (m[i] + lambda));
        }
        float[] output = ModelTrainer.popularityPower(popularity, settings.outputPopularity());
        float[] d = new float[itemCount];
        for (int j = 0; j < itemCount; j++) {
            double head = 0;
            double weight = 0;
            double energy = 0;
            for (int i = 0; i < k; i++) {
                double q2 = full[j * k + i] * full[j * k + i];
                head += q2 * s[i];
                weight += q2;
                energy += q2 * m[i];
            }
            d[j] = (float) LowRankEase.columnScale(head, weight, energy, gramDiagonal[j], lambda,
                    settings.tailCorrection()) * output[j];
        }
        CollaborativeFactors collab = new CollaborativeFactors(codes, s, Half.round(d), settings.inputPower(),
                inputScale, rowScale, itemCount, k);
        List<ProfileGroup> groups = ProfileGroup.of(users, itemCount);
        ProfileRegression.Trained profile = ProfileRegression.trainOnGroups(ProfileGroup.inBasis(groups, collab),
                ProfileGroup.codeColumns(k), settings.profile(), description, dataTime);
        HybridModel model = new HybridModel(collab, profile.weights().quantized(),
                Half.round(ProfileGroup.baseline(groups)), (float) settings.beta());
        return new TrainedModel(model, profile.model(), lambda, settings.beta(), settings.inputPopularity(),
                settings.outputPopularity(), Double.NaN);
    }

    /**
     * The per-user mean of M_ii from two estimates, each weighted by its precision: the operator's own users
     * (sampling variance only) and the contributions (sampling plus noise). Where noise swamps the contributions
     * they get almost no weight and the release stays what the operator's data makes it; where they are clean, the
     * mean is over every user. The result is clamped at 0 (M_ii ≥ 0; a noisy mean can come out below).
     */
    static double precisionWeighted(double ownMean, double ownVariance, double contributedMean,
                                    double contributedVariance) {
        if (!(contributedVariance > 0)) {
            return Math.max(0, contributedVariance == 0 && ownVariance > 0 ? contributedMean : ownMean);
        }
        if (!(ownVariance > 0)) {
            return Math.max(0, ownMean);
        }
        double a = 1 / ownVariance;
        double b = 1 / contributedVariance;
        return Math.max(0, (a * ownMean + b * contributedMean) / (a + b));
    }

    /** Each row of a rows × k matrix clipped to norm {@code clip} by the browser's own {@link Contribution#clip}. */
    private static double[] clipRows(double[] z, int k, double clip) {
        double[] out = new double[z.length];
        for (int r = 0; r < z.length / k; r++) {
            System.arraycopy(Contribution.clip(Arrays.copyOfRange(z, r * k, (r + 1) * k), clip), 0, out, r * k, k);
        }
        return out;
    }

    /** Per column of a rows × k matrix, the variance over rows of a row's square. */
    private static double[] energyVariance(double[] z, int k) {
        int rows = z.length / k;
        double[] sum = new double[k];
        double[] sq = new double[k];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < k; i++) {
                double v = z[r * k + i] * z[r * k + i];
                sum[i] += v;
                sq[i] += v * v;
            }
        }
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            double mean = sum[i] / rows;
            out[i] = Math.max(0, sq[i] / rows - mean * mean);
        }
        return out;
    }

    /** Per column of a rows × k matrix, the sum of squares. */
    private static double[] columnEnergy(double[] z, int k) {
        double[] out = new double[k];
        for (int r = 0; r < z.length / k; r++) {
            for (int i = 0; i < k; i++) {
                out[i] += z[r * k + i] * z[r * k + i];
            }
        }
        return out;
    }
}
