package privrec.trainer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import privrec.contributions.ReportStore;
import privrec.core.Manifest;
import privrec.core.privacy.ContributionEstimate;
import privrec.core.privacy.ContributionPolicy;
import privrec.core.privacy.ContributionReport;
import privrec.trainer.model.BasisRefit;
import privrec.trainer.pipeline.Training;
import privrec.trainer.pipeline.Update;

/** {@code aggregate}: a model update from the operator's data plus the opted-in users' reports of the base release. */
@Command(name = "aggregate", mixinStandardHelpOptions = true,
        description = {"Reads the contribution reports of the release in --base from the database (--reports, a JDBC "
                + "URL of H2 or PostgreSQL), forms the debiased estimate Σ z̃z̃ᵀ − Σσ²I, and builds the model update "
                + "on --data with it (docs/contributions.md). Refuses to run on fewer reports than the release's "
                + "minReports (or --min-reports when higher); nothing is written then.",
                "Prints the reports per ε, the estimate's noise and the weight the update gave the reports."})
public final class AggregateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--base", required = true, paramLabel = "DIR", description = "The release the reports belong to.")
    Path base;

    @Option(names = "--reports", required = true, paramLabel = "JDBC_URL",
            description = "The contributions database, e.g. jdbc:h2:file:/srv/privrec/contributions or "
                    + "jdbc:postgresql://127.0.0.1:5432/privrec?user=privrec.")
    String reportsUrl;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory for the update.")
    Path out;

    @Option(names = "--min-reports", defaultValue = "0", paramLabel = "N",
            description = "Fewest reports to use, when higher than the release's own minReports.")
    int minReports;

    @Option(names = "--verify-rows", defaultValue = "256", paramLabel = "N",
            description = "Rows compared between ONNX Runtime and the in-memory model, at least 200 (default ${DEFAULT-VALUE}).")
    int verifyRows;

    @Override
    public Integer call() throws Exception {
        Path manifestFile = base.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new BadOptionException("--base " + base + " holds no manifest.json");
        }
        Manifest manifest = Manifest.parse(Files.readString(manifestFile), manifestFile.toString());
        ContributionPolicy policy = ContributionPolicy.of(manifest);
        if (policy == null) {
            throw new BadOptionException("release " + manifest.modelId() + " accepts no contributions (its manifest "
                    + "has no contributions terms)");
        }
        List<ContributionReport> reports;
        try (ReportStore store = ReportStore.open(reportsUrl)) {
            reports = store.reports(manifest.modelId());
        }
        int needed = Math.max(policy.minReports(), minReports);
        if (reports.size() < needed) {
            throw new BadOptionException(String.format("%,d reports for release %s; at least %,d are needed before "
                    + "they are used (the release's minReports%s)", reports.size(), manifest.modelId(), needed,
                    minReports > policy.minReports() ? ", raised by --min-reports" : ""));
        }
        ContributionEstimate estimate = new ContributionEstimate(policy.rank(), false);
        Map<Double, Integer> perEpsilon = new TreeMap<>();
        double noise = 0;
        for (ContributionReport report : reports) {
            if (report.rank() != policy.rank()) {
                throw new BadOptionException("a stored report has rank " + report.rank() + ", the release " + policy.rank());
            }
            double epsilon = policy.listedEpsilon(report.epsilon());
            double sigma = policy.sigma(epsilon);
            estimate.add(report.values(), sigma, policy.maxNorm(epsilon));
            perEpsilon.merge(epsilon, 1, Integer::sum);
            noise += sigma * sigma;
        }
        var outWriter = spec.commandLine().getOut();
        outWriter.printf("%,d reports for release %s (per ε: %s); C = %s, δ = %s%n", reports.size(), manifest.modelId(),
                perEpsilon, policy.clip(), policy.delta());
        double[] diagonal = estimate.diagonal();
        double[] variance = estimate.varianceOfMean();
        double signal = 0;
        double spread = 0;
        for (int i = 0; i < diagonal.length; i++) {
            signal += diagonal[i] / reports.size();
            spread += Math.sqrt(variance[i]);
        }
        outWriter.printf("estimate: Σ_i M̂_ii per report %.4g (noise subtracted: %.4g); mean standard error of a "
                + "coordinate's per-report mean %.4g%n", signal, noise / reports.size(), spread / diagonal.length);
        long start = System.nanoTime();
        BarProgress progress = new BarProgress(System.err, outWriter);
        Update.Result result = Update.run(base, data.load(progress), BasisRefit.Contributed.of(estimate, policy.clip()), verifyRows,
                privrec.trainer.export.Verifier.TOLERANCE, progress);
        outWriter.printf("verified %d rows with ONNX Runtime: max abs diff %.3g%n", result.verification().rows(),
                result.verification().maxAbsDiff());
        Training.write(out, result.files());
        outWriter.printf("model %s: update of %s with %,d contributed reports; wrote %s%n", result.modelId(),
                manifest.modelId(), reports.size(), out);
        outWriter.printf("done in %.1f s%s%n", (System.nanoTime() - start) / 1e9, PeakMemory.suffix());
        return 0;
    }
}
