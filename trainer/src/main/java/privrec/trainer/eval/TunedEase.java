package privrec.trainer.eval;

import privrec.trainer.model.Split;
import privrec.trainer.model.Metrics;

import java.util.List;

import privrec.core.Encoder;
import privrec.core.TopN;
import privrec.trainer.model.ExactEase;
import privrec.trainer.model.InMemoryUsers;
import privrec.trainer.model.SparseRowMatrix;
import privrec.trainer.model.TrainParams;
import privrec.trainer.model.UserPositives;
import privrec.trainer.model.ValidationSplit;

/**
 * The EASE yardstick with its λ tuned like the model's: on the same validation users ({@link ValidationSplit}
 * with the model's fraction and seed, the same {@link ValidationSplit#REPEATS} hold-outs), over the same grid ({@link TrainParams#LAMBDA_GRID}), by NDCG@100; then
 * refitted on all training users. A fixed λ would make the yardstick weaker than it can be on some data.
 *
 * @param ease           exact EASE fitted on all training users with the chosen λ
 * @param lambda         the chosen λ
 * @param validationNdcg its validation NDCG@100 (NaN when there were too few users to tune and λ is the default)
 */
public record TunedEase(ExactEase ease, double lambda, double validationNdcg) {

    public static TunedEase train(List<UserPositives> training, int itemCount, TrainParams params) {
        double lambda = TrainParams.DEFAULT_LAMBDA;
        double best = Double.NaN;
        if (ValidationSplit.possible(new InMemoryUsers(training, itemCount), params.validationFraction())) {
            double[] ndcg = new double[TrainParams.LAMBDA_GRID.size()];
            for (int repeat = 0; repeat < ValidationSplit.REPEATS; repeat++) {
                ValidationSplit split = ValidationSplit.of(training, itemCount, params.validationFraction(), params.seed(),
                        repeat);
                SparseRowMatrix fit = SparseRowMatrix.positives(split.fitUsers(training), itemCount);
                for (int l = 0; l < ndcg.length; l++) {
                    ExactEase candidate = ExactEase.train(fit, TrainParams.LAMBDA_GRID.get(l));
                    ndcg[l] += validationNdcg(candidate, split.heldOut(), itemCount) / ValidationSplit.REPEATS;
                }
            }
            for (int l = 0; l < ndcg.length; l++) {
                if (Double.isNaN(best) || ndcg[l] > best) {
                    best = ndcg[l];
                    lambda = TrainParams.LAMBDA_GRID.get(l);
                }
            }
        }
        ExactEase ease = ExactEase.train(SparseRowMatrix.positives(training, itemCount), lambda);
        return new TunedEase(ease, lambda, best);
    }

    /** Mean NDCG@100 over the held-out users, fold-in encoded as the browser does and excluded. */
    static double validationNdcg(ExactEase ease, List<Split.TestUser> heldOut, int itemCount) {
        double sum = 0;
        float[] profile = new float[Encoder.profileWidth()];
        for (Split.TestUser user : heldOut) {
            float[] history = new float[itemCount];
            boolean[] excluded = new boolean[itemCount];
            for (int i = 0; i < user.foldIn().length; i++) {
                history[user.foldIn()[i]] = Encoder.historyWeight(user.foldInStars()[i]);
                excluded[user.foldIn()[i]] = true;
            }
            boolean[] target = new boolean[itemCount];
            for (int c : user.targets()) {
                target[c] = true;
            }
            int[] top = TopN.select(ease.score(history, profile, 1), excluded, MetricSet.DEPTH, null);
            sum += Metrics.ndcg(top, target, user.targets().length, MetricSet.DEPTH);
        }
        return sum / heldOut.size();
    }
}
