package privrec.trainer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import privrec.core.Manifest;
import privrec.trainer.pipeline.Training;
import privrec.trainer.pipeline.Update;

/** {@code update}: a new release on the base release's item basis, re-fitted on new data. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = {"Builds a model update on the item basis of the release in --base: re-fits the small parts "
                + "(shrinkage, per-movie scale, profile model) on --data, gives movies new in the data basis rows "
                + "estimated from it, verifies the assembled model with ONNX Runtime exactly like train, and writes "
                + "a release into --out that reuses the base's basis and catalog chunks byte for byte. Movies of the "
                + "base that the data lacks stay in the model and are listed as withdrawn.",
                "train stays the full retrain and starts a new basis. Nothing is written when anything fails."})
public final class UpdateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--base", required = true, paramLabel = "DIR", description = "The release to build on.")
    Path base;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory for the new release (may be --base itself: its parts are kept when "
                    + "the new release names them).")
    Path out;

    @Option(names = "--verify-rows", defaultValue = "256", paramLabel = "N",
            description = "Rows compared between ONNX Runtime and the in-memory model, at least 200 (default ${DEFAULT-VALUE}).")
    int verifyRows;

    @Option(names = "--verify-tolerance", hidden = true, defaultValue = "1e-5")
    double verifyTolerance;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(base)) {
            throw new BadOptionException("--base " + base + " is not a directory");
        }
        long start = System.nanoTime();
        BarProgress progress = new BarProgress(System.err, spec.commandLine().getOut());
        Update.Result result = Update.run(base, data.load(progress), verifyRows, verifyTolerance, progress);
        // Update.run has verified the release (it throws above the tolerance, so nothing is written then).
        var outWriter = spec.commandLine().getOut();
        outWriter.printf("verified %d rows with ONNX Runtime: max abs diff %.3g (limit %.3g)%n",
                result.verification().rows(), result.verification().maxAbsDiff(), verifyTolerance);
        Training.write(out, result.files());
        Manifest m = result.manifest();
        long total = 0;
        long fresh = 0;
        for (String name : m.partNames()) {
            Manifest.FileEntry entry = m.file(name);
            total += entry.bytes();
            if (!result.base().holds(entry)) {
                fresh += entry.bytes();
            }
        }
        outWriter.printf("model %s: update of %s, %d movies added, %d withdrawn; wrote %s%n", result.modelId(),
                result.base().modelId(), result.added(), result.withdrawn().size(), out);
        outWriter.printf("new parts %,d of %,d bytes (%.1f %%, before compression): %s%n", fresh, total,
                100.0 * fresh / total, Training.partSizes(result.files()));
        outWriter.printf("done in %.1f s%s%n", (System.nanoTime() - start) / 1e9, PeakMemory.suffix());
        return 0;
    }
}
