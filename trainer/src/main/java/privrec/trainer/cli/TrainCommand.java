package privrec.trainer.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import privrec.trainer.model.Interactions;
import privrec.trainer.pipeline.Training;

/** {@code train}: load → quick evaluation → train → export ONNX → verify with ONNX Runtime → write atomically. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains the model, exports it to ONNX, verifies the file with ONNX Runtime against the in-memory "
                + "model and writes a new release into --out: its parts (the graph, the item basis, the catalog, each named by its content), "
                + "provenance.json and, last, manifest.json. Parts of an earlier release in --out are removed after it.",
                "Nothing is written when loading, training or verification fails."})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Mixin
    ModelOptions model;

    @Option(names = "--out", defaultValue = "models", paramLabel = "DIR", description = "Output directory (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--eval-folds", defaultValue = "5", paramLabel = "N",
            description = "Folds of the 5-fold protocol run for the manifest's metrics: 1 = a 20%% user holdout, "
                    + "5 = the full protocol, 0 = none (default ${DEFAULT-VALUE}).")
    int evalFolds;

    @Option(names = "--verify-rows", defaultValue = "256", paramLabel = "N",
            description = "Rows compared between ONNX Runtime and the in-memory model, at least 200 (default ${DEFAULT-VALUE}).")
    int verifyRows;

    /** Hidden: lets tests force a verification failure (a negative limit can never pass). */
    @Option(names = "--verify-tolerance", hidden = true, defaultValue = "1e-5")
    double verifyTolerance;

    @Override
    public Integer call() throws Exception {
        if (evalFolds < 0 || evalFolds > Training.Options.PROTOCOL_FOLDS) {
            throw new BadOptionException("--eval-folds " + evalFolds + " is outside 0..5");
        }
        long start = System.nanoTime();
        BarProgress progress = new BarProgress(System.err, spec.commandLine().getOut());
        Interactions interactions = Interactions.of(data.load(progress));
        progress.info(String.format("data: %s, %d movies, %d users with positives, newest rating %s",
                interactions.description(), interactions.itemCount(), interactions.users().size(), interactions.dataThrough()));
        Training.Result result = Training.run(interactions, new Training.Options(model.params(data.seed), evalFolds, verifyRows, verifyTolerance), progress);
        var outWriter = spec.commandLine().getOut();
        outWriter.printf("verified %d rows with ONNX Runtime: max abs diff %.3g (limit %.3g)%n",
                result.verification().rows(), result.verification().maxAbsDiff(), verifyTolerance);
        outWriter.printf("verified the Tribuo profile model with tribuo-onnx (ONNXExternalModel): max abs diff %.3g%n",
                result.verification().profileMaxAbsDiff());
        if (result.evaluation() != null) {
            outWriter.print(result.evaluation().toTable());
        }
        Training.write(out, result);
        outWriter.printf("model %s: lambda %s, beta %s, rank %d; wrote %s (%s)%n", result.modelId(),
                result.model().lambda(), result.model().beta(), result.model().scorer().collab().rank(),
                out, Training.partSizes(result.files()));
        outWriter.printf("done in %.1f s%s%n", (System.nanoTime() - start) / 1e9, PeakMemory.suffix());
        return 0;
    }
}
