package privrec.trainer.eval;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import privrec.core.Catalog;
import privrec.core.privacy.BasisRows;
import privrec.core.privacy.Contribution;
import privrec.core.privacy.ContributionEstimate;
import privrec.core.privacy.ContributionPolicy;
import privrec.core.privacy.GaussianNoise;
import privrec.trainer.model.BasisRefit;
import privrec.trainer.model.CollaborativeFactors;
import privrec.trainer.model.ContributionTerms;
import privrec.trainer.model.Interactions;
import privrec.trainer.model.ModelTrainer;
import privrec.trainer.model.Split;
import privrec.trainer.model.TrainParams;
import privrec.trainer.model.TrainedModel;
import privrec.trainer.model.UserPositives;

/**
 * The contributions simulation of docs/contributions.md, under the strong-generalization protocol: fold 1 of 5
 * for the seed holds out test users that no model sees. A base release is trained on {@code baseUsers} of the
 * training users (the operator's own data); the other training users are the contributor pool. Each contributor's
 * report is made by the browser's own code ({@link Contribution}: projection on the base release's stored basis,
 * clipping to the release's C, the Gaussian mechanism at each ε) and added to a debiased estimate per ε; at each n
 * the update re-fits the base release on the operator's data plus the estimate ({@link BasisRefit.Contributed}).
 * Beyond the pool's size contributors are drawn from the pool with replacement (each draw with fresh noise): "more
 * users like these", which shrinks the noise relative to the signal but adds no new tastes. The full retrain uses
 * the raw data of the operator's users and the first n contributors (tuning included), up to the pool's size.
 *
 * <p>The noise here comes from a seeded generator so that a run can be repeated; the browser draws it from
 * {@code crypto.getRandomValues} — the distribution is the same code ({@link GaussianNoise}).
 */
public final class ContributionScenario {
    /** ε = ∞: clipped reports without noise. */
    public static final double NO_NOISE = Double.POSITIVE_INFINITY;

    /** What to run. */
    public record Settings(int baseUsers, List<Integer> contributors, List<Double> epsilons, int testUsers,
                           int maxRetrainUsers, ContributionTerms.Settings terms) {
    }

    /** One measured model. */
    public record Row(String model, int contributors, double epsilon, MetricSet metrics) {
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", model);
            m.put("contributors", contributors);
            if (!Double.isNaN(epsilon)) {
                m.put("epsilon", Double.isInfinite(epsilon) ? "inf" : epsilon);
            }
            m.putAll(metrics.toMap());
            return m;
        }
    }

    /** Every row of one run, and the release terms used. */
    public record Result(List<Row> rows, ContributionPolicy policy, int pool, int baseUsers, int testUsers) {
    }

    /** Progress per measured model. */
    public interface Listener {
        void measured(Row row);
    }

    private ContributionScenario() {
    }

    public static Result run(Interactions data, TrainParams params, long seed, Settings settings, Listener listener) {
        Split.Fold fold = Split.folds(data.users(), 5, seed).get(0);
        List<Split.TestUser> test = fold.test().subList(0, Math.min(settings.testUsers(), fold.test().size()));
        List<UserPositives> training = new ArrayList<>(fold.training());
        Collections.shuffle(training, new Random(seed));
        if (training.size() <= settings.baseUsers()) {
            throw new IllegalArgumentException("the data has " + training.size() + " training users; --base-users "
                    + settings.baseUsers() + " leaves no contributors");
        }
        List<UserPositives> base = training.subList(0, settings.baseUsers());
        List<UserPositives> pool = training.subList(settings.baseUsers(), training.size());
        int n = data.itemCount();
        OffsetDateTime time = OffsetDateTime.parse("2000-01-01T00:00:00Z");
        Catalog catalog = data.catalog(fold.training());

        TrainedModel baseModel = ModelTrainer.train(base, n, params, "base release", time, ModelTrainer.Listener.NONE)
                .quantized();
        CollaborativeFactors f = baseModel.scorer().collab();
        ContributionPolicy policy = ContributionTerms.of(base, f, settings.terms());
        BasisRefit.Basis basis = new BasisRefit.Basis(f.u(), f.rowScale(), f.inputScale(), n, f.rank());
        BasisRefit.Settings refit = new BasisRefit.Settings(baseModel.lambda(), baseModel.beta(),
                baseModel.inputPopularity(), baseModel.outputPopularity(), f.inputPower(), params.tailCorrection(),
                params.profile());
        List<Row> rows = new ArrayList<>();
        add(rows, listener, new Row("base release", 0, Double.NaN, Evaluator.warm(catalog, baseModel.scorer(), test)));

        BasisRows rowsOfBasis = ContributionTerms.basis(f);
        List<Double> epsilons = settings.epsilons();
        ContributionEstimate[] estimates = new ContributionEstimate[epsilons.size()];
        double[] sigma = new double[epsilons.size()];
        double[] maxNorm = new double[epsilons.size()];
        for (int e = 0; e < estimates.length; e++) {
            estimates[e] = new ContributionEstimate(f.rank(), false);
            boolean noiseless = Double.isInfinite(epsilons.get(e));
            // The policy's own calibration and norm bound, at any ε the run asks for (not only the offered ones).
            sigma[e] = noiseless ? 0 : policy.sigma(epsilons.get(e));
            maxNorm[e] = noiseless ? policy.clip() : policy.maxNorm(epsilons.get(e));
        }
        SplittableRandom random = new SplittableRandom(seed);
        GaussianNoise noise = new GaussianNoise(bytes -> {
            for (int i = 0; i < bytes.length; i += 8) {
                long v = random.nextLong();
                for (int b = 0; b < 8 && i + b < bytes.length; b++) {
                    bytes[i + b] = (byte) (v >>> (8 * b));
                }
            }
        });
        List<Integer> checkpoints = new ArrayList<>(settings.contributors());
        Collections.sort(checkpoints);
        int made = 0;
        for (int checkpoint : checkpoints) {
            for (; made < checkpoint; made++) {
                UserPositives user = made < pool.size() ? pool.get(made) : pool.get(random.nextInt(pool.size()));
                double[] clipped = Contribution.clip(ContributionTerms.projection(user, rowsOfBasis, f.inputPower()),
                        policy.clip());
                for (int e = 0; e < estimates.length; e++) {
                    estimates[e].add(Contribution.noised(clipped, sigma[e], noise), sigma[e], maxNorm[e]);
                }
            }
            for (int e = 0; e < estimates.length; e++) {
                TrainedModel updated = BasisRefit.refit(basis, base, n, refit, "update", time,
                        BasisRefit.Contributed.of(estimates[e], policy.clip()));
                add(rows, listener, new Row("update with contributions", checkpoint, epsilons.get(e),
                        Evaluator.warm(catalog, updated.scorer(), test)));
            }
            if (checkpoint <= Math.min(pool.size(), settings.maxRetrainUsers())) {
                List<UserPositives> raw = new ArrayList<>(base);
                raw.addAll(pool.subList(0, checkpoint));
                TrainedModel retrain = ModelTrainer.train(raw, n, params, "full retrain", time,
                        ModelTrainer.Listener.NONE).quantized();
                add(rows, listener, new Row("full retrain, raw data", checkpoint, Double.NaN,
                        Evaluator.warm(catalog, retrain.scorer(), test)));
            }
        }
        if (!checkpoints.contains(pool.size()) && pool.size() <= settings.maxRetrainUsers()
                && rows.stream().noneMatch(r -> r.model().startsWith("full"))) {
            // A small data set: the pool is smaller than every n; the retrain on all of it is the raw-data reference.
            List<UserPositives> raw = new ArrayList<>(base);
            raw.addAll(pool);
            TrainedModel retrain = ModelTrainer.train(raw, n, params, "full retrain", time, ModelTrainer.Listener.NONE)
                    .quantized();
            add(rows, listener, new Row("full retrain, raw data", pool.size(), Double.NaN,
                    Evaluator.warm(catalog, retrain.scorer(), test)));
        }
        return new Result(rows, policy, pool.size(), base.size(), test.size());
    }

    private static void add(List<Row> rows, Listener listener, Row row) {
        rows.add(row);
        listener.measured(row);
    }
}
