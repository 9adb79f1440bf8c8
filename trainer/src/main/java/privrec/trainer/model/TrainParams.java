package privrec.trainer.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training settings. {@code lambda}, {@code beta}, {@code inputPopularity} and {@code outputPopularity} may be null:
 * then they are chosen on validation users (a share of the training users, never test users) from their grids.
 *
 * @param rank               eigenpairs kept (model size n·rank floats)
 * @param oversample         extra columns in the randomized eigen-solver
 * @param iterations         subspace iterations
 * @param lambda             EASE L2 weight, or null to tune
 * @param beta               profile part weight, or null to tune
 * @param inputPopularity    α: each history entry is weighted by (popularity + 1)^−α, or null to tune
 * @param outputPopularity   γ: each item's score is multiplied by (popularity + 1)^γ, or null to tune
 * @param inputPower         p: history weights (training matrix and the browser's row alike) are raised to p
 * @param tailCorrection     estimate the truncated eigenpairs' share of diag(P) (see {@link LowRankEase})
 * @param profile            Tribuo SGD settings of the profile model
 * @param validationFraction share of training users held out for tuning
 * @param seed               seed of every random choice in training
 */
public record TrainParams(int rank, int oversample, int iterations, Double lambda, Double beta, Double inputPopularity,
                          Double outputPopularity, double inputPower, boolean tailCorrection,
                          ProfileRegression.Settings profile, double validationFraction, long seed) {
    public static final List<Double> LAMBDA_GRID = List.of(50.0, 100.0, 200.0, 400.0, 800.0);
    public static final List<Double> BETA_GRID = List.of(0.001, 0.003, 0.01, 0.03, 0.1, 0.3);
    public static final List<Double> INPUT_POPULARITY_GRID = List.of(0.0, 0.1, 0.2, 0.3);
    public static final List<Double> OUTPUT_POPULARITY_GRID = List.of(0.0, -0.1, -0.2);
    /**
     * √ of the graded weights: it damps the 5-star weight relative to 4 stars in the Gram matrix. Chosen in the
     * design exploration (docs/quality-experiments.md), not on any reported seed.
     */
    public static final double DEFAULT_INPUT_POWER = 0.5;
    /** Used when there are too few users to tune. */
    public static final double DEFAULT_LAMBDA = 200;
    public static final double DEFAULT_BETA = 0.03;

    public TrainParams {
        if (rank < 1) {
            throw new IllegalArgumentException("rank " + rank + " must be at least 1");
        }
        if (lambda != null && !(lambda > 0)) {
            throw new IllegalArgumentException("lambda " + lambda + " must be positive");
        }
        if (beta != null && !(beta > 0)) {
            throw new IllegalArgumentException("beta " + beta + " must be positive (it is the only cold-start signal)");
        }
        if (!(inputPower > 0 && inputPower <= 2)) {
            throw new IllegalArgumentException("input power " + inputPower + " is outside (0, 2]");
        }
    }

    public static TrainParams defaults(long seed) {
        return new TrainParams(256, 16, 6, null, null, null, null, DEFAULT_INPUT_POWER, true,
                new ProfileRegression.Settings(ProfileRegression.Settings.DEFAULT.epochs(),
                        ProfileRegression.Settings.DEFAULT.learningRate(), seed), 0.1, seed);
    }

    /** Whether any setting is left to the validation grid. */
    public boolean tunes() {
        return lambda == null || beta == null || inputPopularity == null || outputPopularity == null;
    }

    public TrainParams withTuned(double newLambda, double newBeta, double newInputPopularity,
                                 double newOutputPopularity) {
        return new TrainParams(rank, oversample, iterations, newLambda, newBeta, newInputPopularity,
                newOutputPopularity, inputPower, tailCorrection, profile, validationFraction, seed);
    }

    public TrainParams withRank(int newRank) {
        return new TrainParams(newRank, oversample, iterations, lambda, beta, inputPopularity, outputPopularity,
                inputPower, tailCorrection, profile, validationFraction, seed);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("rank", rank);
        map.put("oversample", oversample);
        map.put("subspaceIterations", iterations);
        map.put("lambda", lambda == null ? "tuned" : lambda);
        map.put("beta", beta == null ? "tuned" : beta);
        map.put("inputPopularity", inputPopularity == null ? "tuned" : inputPopularity);
        map.put("outputPopularity", outputPopularity == null ? "tuned" : outputPopularity);
        map.put("inputPower", inputPower);
        map.put("tailCorrection", tailCorrection);
        map.put("profileEpochs", profile.epochs());
        map.put("profileLearningRate", profile.learningRate());
        map.put("validationFraction", validationFraction);
        map.put("seed", seed);
        return map;
    }
}
