package privrec.trainer.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import privrec.core.Json;
import privrec.trainer.eval.Evaluation;
import privrec.trainer.eval.Evaluator;
import privrec.trainer.eval.Split;
import privrec.trainer.eval.UserRatings;
import privrec.trainer.model.ExactEase;
import privrec.trainer.data.Dataset;
import privrec.trainer.model.Interactions;
import privrec.trainer.model.ModelTrainer;

/** {@code evaluate}: the protocol of docs/evaluation-protocol.md, model beside MostPopular and exact EASE. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Strong-generalization evaluation (held-out users, 80%% of their positives folded in): "
                + "the model, MostPopular and exact EASE (lambda 200) on the same folds, and cold start "
                + "(profile only) against MostPopular.",
                "Exact EASE needs a dense items x items matrix and is skipped above " + ExactEase.MAX_ITEMS + " items."})
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    ModelOptions model;

    @Option(names = "--folds", defaultValue = "5", paramLabel = "N", description = "Folds (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Option(names = "--split", defaultValue = "positives", paramLabel = "WHICH", converter = SplitConverter.class,
            description = {"positives (default): the documented protocol, each test user's positives split 80/20.",
                    "all-ratings: all of a test user's ratings split 80/20 (same users, folds and seed stream); "
                            + "every fold-in rating, low ones too, is excluded from the ranking as the product does, "
                            + "fold-in positives are the history, and the held-out positives are the targets."})
    Split.Mode split;

    /** Converts the CLI spelling; picocli reports the message as a one-line parameter error. */
    static final class SplitConverter implements ITypeConverter<Split.Mode> {
        @Override
        public Split.Mode convert(String value) {
            return Split.Mode.parse(value);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (folds < 2 || folds > 100) {
            throw new BadOptionException("--folds " + folds + " is outside 2..100");
        }
        long start = System.nanoTime();
        var out = spec.commandLine().getOut();
        // With --json, stdout carries only the JSON: status lines go to stderr.
        BarProgress progress = new BarProgress(System.err, json ? spec.commandLine().getErr() : out);
        Dataset dataset = data.load(progress);
        Interactions interactions = Interactions.of(dataset);
        Map<Integer, UserRatings> allRatings = split == Split.Mode.ALL_RATINGS
                ? UserRatings.of(dataset, interactions) : null;
        dataset = null; // the raw columns are not needed any more (ml-25m: hundreds of MB)
        if (interactions.itemCount() > ExactEase.MAX_ITEMS) {
            progress.info("EASE baseline skipped: " + interactions.itemCount() + " items is above "
                    + ExactEase.MAX_ITEMS + " (dense items x items matrix)");
        }
        // One bar over the folds; each fold trains the model (eigenpairs, Tribuo SGD, tuning) and both baselines.
        progress.stage("evaluating folds", folds);
        Evaluation evaluation = Evaluator.run(interactions, allRatings, model.params(data.seed), folds, data.seed, true, folds,
                new Evaluator.Listener() {
                    @Override
                    public void foldStarted(int fold, int total) {
                    }

                    @Override
                    public void foldFinished(int fold, int total) {
                        progress.step();
                    }

                    @Override
                    public ModelTrainer.Listener trainer() {
                        return ModelTrainer.Listener.NONE;
                    }
                });
        progress.done();
        if (json) {
            out.println(Json.write(evaluation.toJson()));
        } else {
            out.print(evaluation.toTable());
            out.printf("done in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
        return 0;
    }
}
