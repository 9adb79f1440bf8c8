package privrec.trainer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import privrec.core.Json;
import privrec.trainer.data.Dataset;
import privrec.trainer.data.MovieLensCsvWriter;
import privrec.trainer.data.TimeSplit;
import privrec.trainer.eval.MetricSet;
import privrec.trainer.eval.UpdateScenario;

/** {@code evaluate-update}: how much a model update keeps of a full retrain, per seed and on average. */
@Command(name = "evaluate-update", mixinStandardHelpOptions = true,
        description = {"The model-update scenario (docs/model-updates.md): an old release trained on the oldest "
                + "--base-fraction of the ratings without the newest --new-movies of the movies, its update on all the "
                + "data, and a full retrain on the same data, all measured on the same held-out test users over every "
                + "movie, per seed; prints Recall@20 and NDCG@100 with the update/retrain ratios.",
                "--write-data DIR also writes the scenario's two data sets (DIR/base, DIR/full) as MovieLens CSV, for "
                        + "train --data DIR/base, then update --data DIR/full."})
public final class EvaluateUpdateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    ModelOptions model;

    @Option(names = "--seeds", split = ",", defaultValue = "1,2,3", paramLabel = "S1,S2,...",
            description = "Seeds of the user splits (default ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--base-fraction", defaultValue = "0.9", paramLabel = "F",
            description = "Share of the ratings, oldest first, the old release sees (default ${DEFAULT-VALUE}).")
    double baseFraction;

    @Option(names = "--new-movies", defaultValue = "0.02", paramLabel = "F",
            description = "Share of the movies, newest first rating first, added by the update (default ${DEFAULT-VALUE}).")
    double newMovies;

    @Option(names = "--write-data", paramLabel = "DIR", description = "Write the base and full data sets and stop.")
    Path writeData;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!(baseFraction > 0 && baseFraction <= 1) || !(newMovies >= 0 && newMovies < 0.5)) {
            throw new BadOptionException("--base-fraction must be in (0, 1] and --new-movies in [0, 0.5)");
        }
        var out = spec.commandLine().getOut();
        BarProgress progress = new BarProgress(System.err, json ? spec.commandLine().getErr() : out);
        Dataset dataset = data.load(progress);
        TimeSplit split = TimeSplit.of(dataset, baseFraction, newMovies);
        progress.info(String.format("base: %d of %d ratings, %d of %d movies (%d held back as new)",
                split.base().ratingCount(), dataset.ratingCount(), split.base().movies().size(),
                dataset.movies().size(), split.newMovies().size()));
        if (writeData != null) {
            MovieLensCsvWriter.write(split.base(), writeData.resolve("base"));
            MovieLensCsvWriter.write(split.full(), writeData.resolve("full"));
            out.printf("wrote %s and %s%n", writeData.resolve("base"), writeData.resolve("full"));
            return 0;
        }
        List<UpdateScenario.SeedResult> results = new ArrayList<>();
        progress.stage("old release, update and full retrain per seed", seeds.size());
        for (long seed : seeds) {
            results.add(UpdateScenario.run(split, model.params(seed), seed));
            progress.step();
        }
        progress.done();
        Map<String, Object> mean = new LinkedHashMap<>();
        double[] sums = new double[11];
        for (UpdateScenario.SeedResult r : results) {
            add(sums, 0, r.base());
            add(sums, 2, r.update());
            add(sums, 4, r.retrain());
            sums[6] += r.newBase();
            sums[7] += r.newUpdate();
            sums[8] += r.newRetrain();
            add(sums, 9, r.updateWithoutAdded());
        }
        int s = results.size();
        String[] names = {"oldRelease", "update", "fullRetrain"};
        for (int m = 0; m < 3; m++) {
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("recall@20", round(sums[2 * m] / s));
            metrics.put("ndcg@100", round(sums[2 * m + 1] / s));
            metrics.put("newMoviesRecall@" + UpdateScenario.NEW_DEPTH, round(sums[6 + m] / s));
            mean.put(names[m], metrics);
        }
        Map<String, Object> hidden = new LinkedHashMap<>();
        hidden.put("recall@20", round(sums[9] / s));
        hidden.put("ndcg@100", round(sums[10] / s));
        mean.put("updateWithoutAddedMovies", hidden);
        mean.put("updateOverRetrainRecall@20", round(sums[2] / sums[4]));
        mean.put("updateOverRetrainNdcg@100", round(sums[3] / sums[5]));
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            List<Object> perSeed = new ArrayList<>();
            results.forEach(r -> perSeed.add(r.toMap()));
            root.put("seeds", perSeed);
            root.put("mean", mean);
            out.println(Json.write(root));
            return 0;
        }
        out.printf("%-6s %-13s %10s %10s %14s%n", "seed", "model", "Recall@20", "NDCG@100", "new-movie R@10");
        for (UpdateScenario.SeedResult r : results) {
            row(out, r.seed(), "old release", r.base(), r.newBase());
            row(out, r.seed(), "update", r.update(), r.newUpdate());
            row(out, r.seed(), "full retrain", r.retrain(), r.newRetrain());
            out.printf("%-6d %-13s %10.4f %10.4f%n", r.seed(), "update*", r.updateWithoutAdded().recall20(),
                    r.updateWithoutAdded().ndcg100());
            out.printf("%-6d update %.1f s, full retrain %.1f s (tuning included); %d test users with new-movie "
                    + "targets%n", r.seed(), r.updateSeconds(), r.retrainSeconds(), r.newUsers());
        }
        out.printf("mean over %d seeds: update / full retrain = %.3f (Recall@20), %.3f (NDCG@100); old release "
                        + "%.4f / %.4f, update %.4f / %.4f, full retrain %.4f / %.4f%n", s, sums[2] / sums[4],
                sums[3] / sums[5], sums[0] / s, sums[1] / s, sums[2] / s, sums[3] / s, sums[4] / s, sums[5] / s);
        out.printf("update* = the update with the added movies never recommended: %.4f / %.4f%n", sums[9] / s,
                sums[10] / s);
        out.printf("added movies ranked among themselves, Recall@10: old release %.4f, update %.4f, full retrain %.4f%n",
                sums[6] / s,
                sums[7] / s, sums[8] / s);
        return 0;
    }

    private static void add(double[] sums, int at, MetricSet m) {
        sums[at] += m.recall20();
        sums[at + 1] += m.ndcg100();
    }

    private static void row(java.io.PrintWriter out, long seed, String name, MetricSet m, double fresh) {
        out.printf("%-6d %-13s %10.4f %10.4f %14.4f%n", seed, name, m.recall20(), m.ndcg100(), fresh);
    }

    private static double round(double v) {
        return Math.rint(v * 10_000) / 10_000;
    }
}
