package privrec.trainer.cli;

import java.nio.file.Files;
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
import privrec.trainer.eval.ContributionPlot;
import privrec.trainer.eval.ContributionScenario;
import privrec.trainer.model.ContributionTerms;
import privrec.trainer.model.Interactions;

/** {@code simulate-contributions}: what opted-in users' noised reports do for the next release, per n and ε. */
@Command(name = "simulate-contributions", mixinStandardHelpOptions = true,
        description = {"The contributions simulation (docs/contributions.md): a base release trained on --base-users "
                + "of the training users; the other training users contribute reports made by the browser's own code "
                + "(projection on the base release's basis, clipping, Gaussian noise at each ε); the update re-fits "
                + "the base release with the debiased estimate. Prints Recall@20 and NDCG@100 on held-out test users "
                + "for each n and ε, against the base release and a full retrain on the raw data.",
                "Beyond the contributor pool, contributors are drawn from it with replacement (fresh noise each)."})
public final class SimulateContributionsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    ModelOptions model;

    @Option(names = "--base-users", defaultValue = "1000", paramLabel = "N",
            description = "Training users the base release sees (default ${DEFAULT-VALUE}).")
    int baseUsers;

    @Option(names = "--contributors", split = ",", defaultValue = "1000,10000,100000,1000000", paramLabel = "N1,...",
            description = "Numbers of contributors to measure at (default ${DEFAULT-VALUE}).")
    List<Integer> contributors;

    @Option(names = "--epsilons", split = ",", defaultValue = "0.5,1,2,4,8,inf", paramLabel = "E1,...",
            description = "ε per report; inf = clipped, no noise (default ${DEFAULT-VALUE}).")
    List<String> epsilons;

    @Option(names = "--test-users", defaultValue = "3000", paramLabel = "N",
            description = "Held-out test users measured, at most (default ${DEFAULT-VALUE}).")
    int testUsers;

    @Option(names = "--max-retrain-users", defaultValue = "100000", paramLabel = "N",
            description = "Largest n with a full retrain on the raw data (default ${DEFAULT-VALUE}).")
    int maxRetrain;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Write quality vs ε at the largest n as a PNG.")
    Path plot;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<Double> eps = new ArrayList<>();
        for (String e : epsilons) {
            double v = e.equals("inf") ? ContributionScenario.NO_NOISE : Double.parseDouble(e);
            if (!(v > 0)) {
                throw new BadOptionException("--epsilons must be positive numbers or inf, not " + e);
            }
            eps.add(v);
        }
        for (int n : contributors) {
            if (n < 1) {
                throw new BadOptionException("--contributors must be positive, not " + n);
            }
        }
        if (baseUsers < 10 || testUsers < 1) {
            throw new BadOptionException("--base-users must be at least 10 and --test-users at least 1");
        }
        var out = spec.commandLine().getOut();
        BarProgress progress = new BarProgress(System.err, json ? spec.commandLine().getErr() : out);
        Dataset dataset = data.load(progress);
        Interactions interactions = Interactions.of(dataset);
        long start = System.nanoTime();
        ContributionScenario.Settings settings = new ContributionScenario.Settings(baseUsers, contributors, eps,
                testUsers, maxRetrain, ContributionTerms.Settings.defaults());
        int total = 1 + contributors.size() * eps.size() + contributors.size();
        progress.stage("base release, then updates per n and ε", total);
        ContributionScenario.Result result = ContributionScenario.run(interactions, model.params(data.seed),
                data.seed, settings, row -> progress.step());
        progress.done();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (plot != null) {
            Files.write(plot, ContributionPlot.png(result, interactions.description()));
        }
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("data", interactions.description());
            root.put("baseUsers", result.baseUsers());
            root.put("contributorPool", result.pool());
            root.put("testUsers", result.testUsers());
            root.put("terms", result.policy().toJson());
            List<Object> rows = new ArrayList<>();
            result.rows().forEach(r -> rows.add(r.toMap()));
            root.put("rows", rows);
            root.put("seconds", Math.rint(seconds));
            out.println(Json.write(root));
            return 0;
        }
        out.printf("%s: base release on %d users, %d contributors in the pool (more are drawn from it with "
                        + "replacement), %d test users; C = %s, δ = %s%n", interactions.description(),
                result.baseUsers(), result.pool(), result.testUsers(), result.policy().clip(), result.policy().delta());
        out.printf("%-26s %10s %8s %10s %10s%n", "model", "n", "ε", "Recall@20", "NDCG@100");
        for (ContributionScenario.Row r : result.rows()) {
            String e = Double.isNaN(r.epsilon()) ? "-" : Double.isInfinite(r.epsilon()) ? "inf"
                    : String.valueOf(r.epsilon());
            out.printf("%-26s %10d %8s %10.4f %10.4f%n", r.model(), r.contributors(), e, r.metrics().recall20(),
                    r.metrics().ndcg100());
        }
        out.printf("%.0f s%n", seconds);
        return 0;
    }
}
