package privrec.trainer.model;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import privrec.core.Encoder;
import privrec.core.TopN;
import privrec.trainer.model.Metrics;
import privrec.trainer.model.Split;

/**
 * Trains the hybrid model: low-rank EASE on the training users' graded ratings (every rating at its
 * {@link Encoder#historyWeight}, raised to {@link TrainParams#inputPower}, {@link SparseRowMatrix#historyWeighted}),
 * with popularity re-weighting of its input (α) and output (γ), plus a Tribuo profile regression on their positives
 * in the eigenbasis.
 * λ, α, γ and β are chosen together on held-out validation users ({@link ValidationSplit}: strong generalization
 * inside the training set, so test users are never used for any choice). The eigenpairs depend on none of them, so
 * the whole grid costs one eigen-solve per validation hold-out. What was tried and measured: docs/quality-experiments.md.
 */
public final class ModelTrainer {
    /** Progress callbacks; the CLI turns them into progress bars. */
    public interface Listener {
        void stage(String name, int steps);

        void step();

        Listener NONE = new Listener() {
            @Override
            public void stage(String name, int steps) {
            }

            @Override
            public void step() {
            }
        };
    }

    /** Independent validation hold-outs averaged when tuning (the EASE yardstick uses the same ones). */
    static final int TUNING_REPEATS = ValidationSplit.REPEATS;

    private ModelTrainer() {
    }

    public static TrainedModel train(List<UserPositives> users, int itemCount, TrainParams params, String description,
                                     OffsetDateTime dataTime, Listener listener) {
        return train(new InMemoryUsers(users, itemCount), params, description, dataTime, listener);
    }

    /** Trains on users held in memory or distributed: the model only depends on the users, not on where they are. */
    public static TrainedModel train(TrainingUsers users, TrainParams params, String description,
                                     OffsetDateTime dataTime, Listener listener) {
        int itemCount = users.itemCount();
        Choice choice = new Choice(orDefault(params.lambda(), TrainParams.DEFAULT_LAMBDA),
                orDefault(params.beta(), TrainParams.DEFAULT_BETA), orDefault(params.inputPopularity(), 0),
                orDefault(params.outputPopularity(), 0));
        double validationNdcg = Double.NaN;
        if (params.tunes()) {
            Tuning tuning = tune(users, itemCount, params, description, dataTime, listener);
            if (tuning != null) {
                choice = tuning.choice;
                validationNdcg = tuning.ndcg;
            }
        }
        Fitted fitted = fit(users, itemCount, params, description, dataTime, listener);
        CollaborativeFactors factors = factors(fitted, params, choice);
        HybridModel model = new HybridModel(factors, fitted.profile.weights(), fitted.baseline, (float) choice.beta);
        return new TrainedModel(model, fitted.profile.model(), choice.lambda, choice.beta, choice.inputPopularity,
                choice.outputPopularity, validationNdcg);
    }

    private static double orDefault(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    /** One cell of the validation grid. */
    private record Choice(double lambda, double beta, double inputPopularity, double outputPopularity) {
    }

    /**
     * Low-rank EASE at λ, with the popularity re-weighting of the chosen cell: history entries weighted by
     * (popularity + 1)^−α, scores multiplied by (popularity + 1)^γ, popularity = the training users' positives.
     * Both are item vectors, so the model stays items × k.
     */
    private static CollaborativeFactors factors(Fitted fitted, TrainParams params, Choice choice) {
        CollaborativeFactors plain = LowRankEase.factors(fitted.eigen, params.rank(), fitted.gramDiagonal,
                choice.lambda, params.tailCorrection());
        return plain.reweighted((float) params.inputPower(), popularityPower(fitted.popularity, -choice.inputPopularity),
                popularityPower(fitted.popularity, choice.outputPopularity));
    }

    static float[] popularityPower(int[] popularity, double exponent) {
        float[] out = new float[popularity.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = exponent == 0 ? 1f : (float) Math.pow(popularity[j] + 1.0, exponent);
        }
        return out;
    }

    /** @param basis the eigenbasis as factors (its u and row scales; s and d at λ = 1 are unused) */
    private record Fitted(Eigenpairs eigen, double[] gramDiagonal, int[] popularity, ProfileRegression.Trained profile,
                          CollaborativeFactors basis, float[] baseline) {
    }

    private record Tuning(Choice choice, double ndcg) {
    }

    /**
     * The eigen-solve, then the Tribuo profile model, which predicts each profile group's positives as coordinates in
     * the eigenbasis (k outputs however many movies: seconds instead of one output per movie).
     */
    private static Fitted fit(TrainingUsers users, int itemCount, TrainParams params, String description,
                              OffsetDateTime dataTime, Listener listener) {
        GramOperator x = users.historyWeighted((float) params.inputPower());
        listener.stage("eigenpairs, then the profile model", params.iterations() + 1);
        Eigenpairs eigen = RandomizedEigen.topEigenpairs(x, params.rank(), params.oversample(), params.iterations(),
                params.seed(), listener::step);
        double[] gramDiagonal = x.gramDiagonal();
        CollaborativeFactors basis = LowRankEase.factors(eigen, params.rank(), gramDiagonal, 1, false);
        List<ProfileGroup> groups = users.profileGroups();
        ProfileRegression.Trained profile = ProfileRegression.trainOnGroups(ProfileGroup.inBasis(groups, basis),
                ProfileGroup.codeColumns(basis.rank()), params.profile(), description, dataTime);
        listener.step();
        return new Fitted(eigen, gramDiagonal, users.popularity(), profile, basis, ProfileGroup.baseline(groups));
    }

    /**
     * Grid search on validation users; null when there are too few users to hold some out. The hold-out is
     * repeated ({@link ValidationSplit#REPEATS}) with different users and the NDCG@100 averaged: one 10% hold-out
     * of ml-100k is under 100 users, too few to pick one of 360 grid cells reliably. Each hold-out gets its own fit,
     * unless all of them together are a small share of the users ({@link ValidationSplit#canShareFit}): then one
     * fit without any of them serves all (on 200,000 users that saves two of the four eigen-solves and profile
     * models that training runs).
     */
    private static Tuning tune(TrainingUsers users, int itemCount, TrainParams params, String description,
                               OffsetDateTime dataTime, Listener listener) {
        if (!ValidationSplit.possible(users, params.validationFraction())) {
            return null;
        }
        List<Double> lambdas = params.lambda() == null ? TrainParams.LAMBDA_GRID : List.of(params.lambda());
        List<Double> betas = params.beta() == null ? TrainParams.BETA_GRID : List.of(params.beta());
        List<Double> alphas = params.inputPopularity() == null ? TrainParams.INPUT_POPULARITY_GRID
                : List.of(params.inputPopularity());
        List<Double> gammas = params.outputPopularity() == null ? TrainParams.OUTPUT_POPULARITY_GRID
                : List.of(params.outputPopularity());
        double[][][][] ndcg = new double[lambdas.size()][alphas.size()][gammas.size()][betas.size()];
        List<ValidationSplit> splits = new ArrayList<>();
        for (int repeat = 0; repeat < TUNING_REPEATS; repeat++) {
            splits.add(ValidationSplit.of(users, params.validationFraction(), params.seed(), repeat));
        }
        Fitted shared = null;
        if (ValidationSplit.canShareFit(users, params.validationFraction())) {
            // Every hold-out is a small share of many users: one fit without all of them stands in for each
            // hold-out's own fit (which would differ from it by a few percent of the users) at a third of the cost.
            List<UserPositives> allHeldOut = new ArrayList<>();
            for (ValidationSplit split : splits) {
                split.fit().release();
                allHeldOut.addAll(split.validation());
            }
            TrainingUsers fitUsers = users.without(allHeldOut);
            shared = fit(fitUsers, itemCount, params, description + " (tuning, all hold-outs left out)", dataTime,
                    listener);
            fitUsers.release();
        }
        for (int repeat = 0; repeat < TUNING_REPEATS; repeat++) {
            ValidationSplit split = splits.get(repeat);
            Fitted fitted = shared;
            if (fitted == null) {
                fitted = fit(split.fit(), itemCount, params, description + " (tuning split " + (repeat + 1) + ")",
                        dataTime, listener);
                split.fit().release();
            }
            listener.stage("tuning the grid (" + (repeat + 1) + " of " + TUNING_REPEATS + ")", lambdas.size());
            score(fitted, split.heldOut(), itemCount, params, lambdas, alphas, gammas, betas, ndcg, listener);
        }
        Tuning best = null;
        for (int l = 0; l < lambdas.size(); l++) {
            for (int a = 0; a < alphas.size(); a++) {
                for (int g = 0; g < gammas.size(); g++) {
                    for (int b = 0; b < betas.size(); b++) {
                        double mean = ndcg[l][a][g][b] / TUNING_REPEATS;
                        if (best == null || mean > best.ndcg) {
                            best = new Tuning(new Choice(lambdas.get(l), betas.get(b), alphas.get(a), gammas.get(g)),
                                    mean);
                        }
                    }
                }
            }
        }
        return best;
    }

    /**
     * Adds each grid cell's mean validation NDCG@100 to {@code ndcg}. The eigenpairs do not depend on the grid; the
     * profile scores depend on none of λ, α, γ; the output factor γ is a rescaling of finished scores.
     */
    private static void score(Fitted fitted, List<Split.TestUser> heldOut, int itemCount, TrainParams params,
                              List<Double> lambdas, List<Double> alphas, List<Double> gammas, List<Double> betas,
                              double[][][][] ndcg, Listener listener) {
        List<float[]> profileScores = new ArrayList<>();
        for (Split.TestUser user : heldOut) {
            float[] scores = fitted.basis.decode(
                    fitted.profile.weights().scores(Encoder.encodeProfile(user.user().profile()), 0));
            for (int j = 0; j < scores.length; j++) {
                scores[j] += fitted.baseline[j];
            }
            profileScores.add(scores);
        }
        float[][] outputFactors = new float[gammas.size()][];
        for (int g = 0; g < gammas.size(); g++) {
            outputFactors[g] = popularityPower(fitted.popularity, gammas.get(g));
        }
        for (int l = 0; l < lambdas.size(); l++) {
            for (int a = 0; a < alphas.size(); a++) {
                CollaborativeFactors factors = factors(fitted, params, new Choice(lambdas.get(l), 0, alphas.get(a), 0));
                // Users in parallel (the grid is most of the training time at 87,000 movies), each into its own row;
                // the sums below then run in user order, so the result does not depend on the threads.
                double[][] perUser = new double[heldOut.size()][];
                IntStream.range(0, heldOut.size()).parallel().forEach(u -> perUser[u] = userNdcg(factors,
                        heldOut.get(u), profileScores.get(u), outputFactors, betas, itemCount));
                for (int u = 0; u < heldOut.size(); u++) {
                    for (int g = 0; g < gammas.size(); g++) {
                        for (int b = 0; b < betas.size(); b++) {
                            ndcg[l][a][g][b] += perUser[u][g * betas.size() + b] / heldOut.size();
                        }
                    }
                }
            }
            listener.step();
        }
    }

    /** One validation user's NDCG@100 for each (γ, β) pair (row-major) under one (λ, α) cell's factors. */
    private static double[] userNdcg(CollaborativeFactors factors, Split.TestUser user, float[] profileScores,
                                     float[][] outputFactors, List<Double> betas, int itemCount) {
        // The fold-in as the browser encodes it (Encoder.encodeHistory): each rating at its history weight.
        float[] history = new float[itemCount];
        boolean[] excluded = new boolean[itemCount];
        for (int i = 0; i < user.foldIn().length; i++) {
            int c = user.foldIn()[i];
            history[c] = Encoder.historyWeight(user.foldInStars()[i]);
            excluded[c] = true;
        }
        boolean[] target = new boolean[itemCount];
        for (int c : user.targets()) {
            target[c] = true;
        }
        float[] collab = new float[itemCount];
        factors.addScores(history, 0, collab);
        float[] combined = new float[itemCount];
        double[] ndcg = new double[outputFactors.length * betas.size()];
        for (int g = 0; g < outputFactors.length; g++) {
            float[] out = outputFactors[g];
            for (int b = 0; b < betas.size(); b++) {
                float beta = betas.get(b).floatValue();
                for (int j = 0; j < itemCount; j++) {
                    combined[j] = collab[j] * out[j] + profileScores[j] * beta;
                }
                int[] top = TopN.select(combined, excluded, 100, null);
                ndcg[g * betas.size() + b] = Metrics.ndcg(top, target, user.targets().length, 100);
            }
        }
        return ndcg;
    }
}
