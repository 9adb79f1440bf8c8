package privrec.trainer.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import privrec.core.Json;
import privrec.trainer.eval.Evaluation;
import privrec.trainer.eval.Evaluator;
import privrec.trainer.model.ExactEase;
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

    @Override
    public Integer call() throws Exception {
        if (folds < 2 || folds > 100) {
            throw new BadOptionException("--folds " + folds + " is outside 2..100");
        }
        long start = System.nanoTime();
        var out = spec.commandLine().getOut();
        // With --json, stdout carries only the JSON: status lines go to stderr.
        BarProgress progress = new BarProgress(System.err, json ? spec.commandLine().getErr() : out);
        Interactions interactions = Interactions.of(data.load(progress));
        if (interactions.itemCount() > ExactEase.MAX_ITEMS) {
            progress.info("EASE baseline skipped: " + interactions.itemCount() + " items is above "
                    + ExactEase.MAX_ITEMS + " (dense items x items matrix)");
        }
        // One bar over the folds; each fold trains the model (eigenpairs, Tribuo SGD, tuning) and both baselines.
        progress.stage("evaluating folds", folds);
        Evaluation evaluation = Evaluator.run(interactions, model.params(data.seed), folds, data.seed, true, folds,
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
