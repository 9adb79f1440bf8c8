package privrec.trainer.cli;

import picocli.CommandLine.Option;

import privrec.trainer.model.ProfileRegression;
import privrec.trainer.model.TrainParams;

/** Model settings shared by train and evaluate. */
public final class ModelOptions {
    @Option(names = "--rank", defaultValue = "256", paramLabel = "K",
            description = "Eigenpairs kept by low-rank EASE; model size grows with items x K (default ${DEFAULT-VALUE}).")
    int rank;

    @Option(names = "--lambda", paramLabel = "L",
            description = "EASE L2 weight. Default: chosen on validation users from " + "50, 100, 200, 400, 800.")
    Double lambda;

    @Option(names = "--beta", paramLabel = "B",
            description = "Weight of the profile part. Default: chosen on validation users.")
    Double beta;

    @Option(names = "--profile-epochs", defaultValue = "30", paramLabel = "N",
            description = "Epochs of Tribuo's linear SGD for the profile part (default ${DEFAULT-VALUE}).")
    int profileEpochs;

    public TrainParams params(long seed) {
        TrainParams defaults = TrainParams.defaults(seed);
        try {
            return new TrainParams(rank, defaults.oversample(), defaults.iterations(), lambda, beta,
                    defaults.inputPopularity(), defaults.outputPopularity(), defaults.inputPower(),
                    defaults.tailCorrection(),
                    new ProfileRegression.Settings(profileEpochs, defaults.profile().learningRate(), seed),
                    defaults.validationFraction(), seed);
        } catch (IllegalArgumentException e) {
            throw new BadOptionException(e.getMessage());
        }
    }
}
