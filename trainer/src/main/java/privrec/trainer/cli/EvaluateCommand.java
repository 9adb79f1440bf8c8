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
import privrec.trainer.eval.SeedSummary;
import privrec.trainer.model.Split;
import privrec.trainer.model.UserRatings;
import privrec.trainer.model.ExactEase;
import privrec.trainer.data.Dataset;
import privrec.trainer.model.Interactions;
import privrec.trainer.model.ModelTrainer;

/** {@code evaluate}: the protocol of docs/evaluation.md, model beside MostPopular and tuned exact EASE. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Strong-generalization evaluation (held-out users, 80%% of their positives folded in): "
                + "the model, MostPopular and exact EASE (lambda tuned on the model's validation users) on the "
                + "same folds, and cold start (profile only) against MostPopular (docs/evaluation.md).",
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

    @Option(names = "--seeds", split = ",", paramLabel = "S1,S2,...",
            description = {"Run the protocol once per seed (splits, validation users and training all drawn from it) "
                    + "and print the mean and spread over seeds, with the per-seed results.",
                    "The data stays that of --seed (the synthetic data set is generated from --seed)."})
    java.util.List<Long> seeds;

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
        java.util.List<Long> runSeeds = seeds == null || seeds.isEmpty() ? java.util.List.of(data.seed) : seeds;
        if (runSeeds.stream().distinct().count() != runSeeds.size()) {
            throw new BadOptionException("--seeds " + runSeeds + " repeats a seed");
        }
        java.util.List<Evaluation> runs = new java.util.ArrayList<>();
        for (long seed : runSeeds) {
            // One bar over the folds; each fold trains the model (eigenpairs, Tribuo SGD, tuning) and both baselines.
            progress.stage("evaluating folds (seed " + seed + ")", folds);
            runs.add(Evaluator.run(interactions, allRatings, model.params(seed), folds, seed, true, folds,
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
                    }));
            progress.done();
        }
        if (seeds == null) {
            Evaluation evaluation = runs.get(0);
            if (json) {
                out.println(Json.write(evaluation.toJson()));
            } else {
                out.print(evaluation.toTable());
            }
        } else {
            SeedSummary summary = new SeedSummary(runs);
            if (json) {
                out.println(Json.write(summary.toJson()));
            } else {
                for (Evaluation evaluation : runs) {
                    out.print(evaluation.toTable());
                    out.println();
                }
                out.print(summary.toTable());
            }
        }
        if (!json) {
            out.printf("done in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
        return 0;
    }
}
