package privrec.trainer.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OrtException;

import privrec.core.Catalog;
import privrec.core.CatalogFormat;
import privrec.core.Encoder;
import privrec.core.Manifest;
import privrec.core.privacy.ContributionPolicy;
import privrec.trainer.eval.Evaluation;
import privrec.trainer.eval.Evaluator;
import privrec.trainer.export.ArtifactWriter;
import privrec.trainer.export.OnnxExport;
import privrec.trainer.export.ProvenanceRecord;
import privrec.trainer.export.TribuoOnnxCheck;
import privrec.trainer.export.Verifier;
import privrec.trainer.model.InMemoryUsers;
import privrec.trainer.model.Interactions;
import privrec.trainer.model.ModelTrainer;
import privrec.trainer.model.TrainParams;
import privrec.trainer.model.TrainedModel;
import privrec.trainer.model.TrainingUsers;
import privrec.trainer.model.ContributionTerms;
import privrec.trainer.model.UserPositives;

/**
 * train = evaluate quickly → train on everything → export → verify with ONNX Runtime → write atomically.
 * Deterministic: the same data and settings give byte-identical parts, manifest.json and provenance.json (no wall
 * clock, host or path enters them). A release's parts are content-addressed ({@link Manifest#partName}): the graph,
 * one basis chunk and one catalog chunk; {@link Update} builds on them.
 */
public final class Training {
    public static final String MANIFEST_FILE = "manifest.json";
    public static final String PROVENANCE_FILE = "provenance.json";

    /**
     * @param params      model settings
     * @param evalFolds   folds of the 5-fold protocol to run for the manifest's metrics (0 = none)
     * @param verifyRows  rows compared between ONNX Runtime and the in-memory model (at least 200)
     * @param tolerance   largest accepted |ONNX − in-memory| score difference
     */
    public record Options(TrainParams params, int evalFolds, int verifyRows, double tolerance) {
        public static final int PROTOCOL_FOLDS = 5;

        public Options(TrainParams params, int evalFolds, int verifyRows) {
            this(params, evalFolds, verifyRows, Verifier.TOLERANCE);
        }
    }

    /** What a training run produced. */
    public record Result(String modelId, TrainedModel model, Evaluation evaluation, Verifier.Result verification,
                         Map<String, byte[]> files) {
    }

    /** Profiles run through tribuo-onnx (each one predicts every item, so a few dozen cover the weights). */
    static final int TRIBUO_CHECK_ROWS = 64;

    private Training() {
    }

    /** Trains and verifies; writes nothing. */
    public static Result run(Interactions data, Options options, Progress progress) throws OrtException {
        return run(data, new InMemoryUsers(data.users(), data.itemCount()), options, progress);
    }

    /**
     * Trains on {@code users} (in memory or distributed) and verifies; writes nothing. {@code data} gives the movies,
     * description and date, and the users the quick evaluation deals its folds from (it may hold only the users with
     * at least {@link privrec.trainer.model.Split#MIN_POSITIVES} positives, or none when {@code evalFolds} is 0);
     * every sum comes from {@code users}.
     */
    public static Result run(Interactions data, TrainingUsers users, Options options, Progress progress)
            throws OrtException {
        TrainParams params = options.params();
        QuickEvaluation quick = options.evalFolds() > 0 ? quickEvaluation(data, users, options, progress)
                : QuickEvaluation.NONE;
        Tuned tuned = finalModel(data, users, params, quick.firstFold(), progress);
        TrainedModel trained = tuned.model();
        Catalog catalog = data.catalog(users.popularity());
        byte[] catalogBytes = CatalogFormat.write(catalog).getBytes(StandardCharsets.UTF_8);

        Map<String, Object> training = trainingRecord(data, users, params, trained, tuned.tunedOn());
        Release release = Release.build(trained, new int[]{data.itemCount()}, List.of(catalogBytes), training);
        Verifier.Result verification = verify(release, trained, users.profiles(), options, progress);
        Manifest manifest = manifest(data.description(), data.dataThrough(), release, quick.evaluation(), options,
                trained, training, List.of(), null, data.users());
        return new Result(release.modelId(), trained, quick.evaluation(), verification, release.files(manifest));
    }

    /** The quick evaluation's metrics, and its first fold's model (whose tuned λ, α, γ, β the final fit reuses). */
    private record QuickEvaluation(Evaluation evaluation, TrainedModel firstFold) {
        static final QuickEvaluation NONE = new QuickEvaluation(null, null);
    }

    /** The final model and a sentence saying where its parameters were chosen. */
    private record Tuned(TrainedModel model, String tunedOn) {
    }

    private static QuickEvaluation quickEvaluation(Interactions data, TrainingUsers users, Options options,
                                                   Progress progress) {
        TrainParams params = options.params();
        FirstFoldKeeper keeper = new FirstFoldKeeper(progress);
        progress.stage("quick evaluation (folds)", options.evalFolds());
        Evaluation evaluation = Evaluator.run(data, users, null, params, Options.PROTOCOL_FOLDS, params.seed(), false,
                options.evalFolds(), keeper);
        progress.done();
        return new QuickEvaluation(evaluation, keeper.firstFold);
    }

    /** Counts folds on the progress bar and keeps fold 1's model. */
    private static final class FirstFoldKeeper implements Evaluator.Listener {
        private final Progress progress;
        private TrainedModel firstFold;

        FirstFoldKeeper(Progress progress) {
            this.progress = progress;
        }

        @Override
        public void foldStarted(int fold, int folds) {
        }

        @Override
        public void foldFinished(int fold, int folds) {
            progress.step();
        }

        @Override
        public void foldModel(int fold, TrainedModel model) {
            if (fold == 0) {
                firstFold = model;
            }
        }

        @Override
        public ModelTrainer.Listener trainer() {
            return ModelTrainer.Listener.NONE;
        }
    }

    /**
     * Trains on all users. The parameters tuned inside the quick evaluation's first fold (on validation users drawn
     * from its training users, never its test users) are reused, which saves a second tuning run; without a quick
     * evaluation, the final fit tunes on validation users of all users.
     */
    private static Tuned finalModel(Interactions data, TrainingUsers users, TrainParams params, TrainedModel firstFold,
                                    Progress progress) {
        TrainParams finalParams = params;
        String tunedOn = !params.tunes() ? "given" : "validation users of all users";
        if (firstFold != null) {
            finalParams = params.withTuned(firstFold.lambda(), firstFold.beta(), firstFold.inputPopularity(),
                    firstFold.outputPopularity());
            tunedOn = "validation users inside the training users of quick-evaluation fold 1";
        }
        progress.info("training on all " + users.size() + " users");
        TrainedModel trained = ModelTrainer.train(users, finalParams, data.description(), dataTime(data.dataThrough()),
                progress);
        if (firstFold != null) {
            trained = trained.withValidationNdcg(firstFold.validationNdcg());
        }
        trained = trained.quantized(); // what is exported, verified and served: int8 basis and profile weights
        progress.done();
        return new Tuned(trained, tunedOn);
    }

    /**
     * The served graph with ONNX Runtime against the in-memory model, then the Tribuo part through tribuo-onnx;
     * either above the tolerance and nothing is written.
     */
    static Verifier.Result verify(Release release, TrainedModel trained, List<privrec.core.Profile> profiles,
                                  Options options, Progress progress) throws OrtException {
        int rows = Math.max(200, options.verifyRows());
        progress.stage("verifying with ONNX Runtime", (rows + 31) / 32);
        Verifier.Result verification;
        try {
            verification = Verifier.verify(release.modelParts(), release.modelFile(), trained.scorer(),
                    trained.scorer().itemCount(), profiles, rows, options.params().seed(), progress::step);
        } catch (IOException e) {
            throw new UncheckedIOException("could not stage the release for ONNX Runtime: " + e.getMessage(), e);
        }
        progress.done();
        if (!(verification.maxAbsDiff() <= options.tolerance())) {
            throw new VerificationFailedException(String.format(
                    "ONNX Runtime scores differ from the in-memory model by %.3g (limit %.3g) over %d rows; nothing written",
                    verification.maxAbsDiff(), options.tolerance(), verification.rows()));
        }
        double profileDiff = TribuoOnnxCheck.maxAbsDiff(trained.profileModel(), profiles,
                TRIBUO_CHECK_ROWS, options.params().seed());
        if (!(profileDiff <= options.tolerance())) {
            throw new VerificationFailedException(String.format("tribuo-onnx's ONNXExternalModel differs from the "
                    + "in-memory Tribuo profile model by %.3g (limit %.3g); nothing written", profileDiff,
                    options.tolerance()));
        }
        return verification.withProfileCheck(profileDiff);
    }

    /** The manifest among a release's files in memory ({@link Result#files}). */
    public static Manifest manifestOf(Map<String, byte[]> files) {
        return Manifest.parse(new String(files.get(MANIFEST_FILE), StandardCharsets.UTF_8), MANIFEST_FILE);
    }

    /** The manifest of a release folder. */
    public static Manifest readManifest(Path dir) throws IOException {
        return Manifest.parse(java.nio.file.Files.readString(dir.resolve(MANIFEST_FILE), StandardCharsets.UTF_8),
                dir.resolve(MANIFEST_FILE).toString());
    }

    /** The release's catalog chunks in memory, concatenated: equal bytes mean equal catalogs. */
    public static byte[] catalogBytes(Map<String, byte[]> files) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (String name : manifestOf(files).catalogFiles()) {
            out.writeBytes(files.get(name));
        }
        return out.toByteArray();
    }

    /** "name bytes" of every part, for the command line. */
    public static String partSizes(Map<String, byte[]> files) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (!file.getKey().equals(MANIFEST_FILE) && !file.getKey().equals(PROVENANCE_FILE)) {
                text.append(text.length() == 0 ? "" : ", ").append(file.getKey()).append(' ')
                        .append(file.getValue().length).append(" bytes");
            }
        }
        return text.toString();
    }

    /** Writes the release, manifest last, then removes parts of earlier releases that it does not name. */
    public static void write(Path out, Result result) throws IOException {
        write(out, result.files());
    }

    /** Writes release files (parts, provenance, manifest last), then removes stale parts. */
    public static void write(Path out, Map<String, byte[]> files) throws IOException {
        ArtifactWriter.write(out, files);
        ArtifactWriter.pruneParts(out, files.keySet());
    }

    private static Map<String, Object> trainingRecord(Interactions data, TrainingUsers users, TrainParams params,
                                                      TrainedModel trained, String tunedOn) {
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("params", params.toMap());
        Map<String, Object> chosen = new LinkedHashMap<>();
        chosen.put("rank", trained.scorer().collab().rank());
        chosen.put("lambda", trained.lambda());
        chosen.put("beta", trained.beta());
        chosen.put("inputPopularity", trained.inputPopularity());
        chosen.put("outputPopularity", trained.outputPopularity());
        if (!Double.isNaN(trained.validationNdcg())) {
            chosen.put("validationNdcg@100", Math.rint(trained.validationNdcg() * 10_000) / 10_000);
        }
        chosen.put("tunedOn", tunedOn);
        training.put("chosen", chosen);
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("description", data.description());
        dataset.put("movies", data.itemCount());
        dataset.put("usersWithPositives", users.size());
        dataset.put("positives", users.positives());
        dataset.put("weightedRatings", users.weightedRatings());
        dataset.put("dataThrough", data.dataThrough());
        training.put("data", dataset);
        return training;
    }

    static Manifest manifest(String description, String dataThrough, Release release, Evaluation evaluation,
                             Options options, TrainedModel trained, Map<String, Object> training,
                             List<Integer> withdrawn, String baseModelId, List<UserPositives> users) {
        int n = trained.scorer().itemCount();
        ContributionPolicy terms = ContributionTerms.of(users, trained.scorer().collab(), ContributionTerms.Settings.defaults());
        List<Manifest.TensorSpec> inputs = List.of(
                new Manifest.TensorSpec(Manifest.HISTORY_INPUT, new int[]{-1, n}),
                new Manifest.TensorSpec(Manifest.PROFILE_INPUT, new int[]{-1, Encoder.profileWidth()}),
                new Manifest.TensorSpec(Manifest.EXPLAIN_ITEMS_INPUT, new int[]{-1}, Manifest.INT32),
                new Manifest.TensorSpec(Manifest.EXPLAIN_WEIGHTS_INPUT, new int[]{-1}),
                new Manifest.TensorSpec(Manifest.EXPLAIN_TARGETS_INPUT, new int[]{-1}, Manifest.INT32));
        List<Manifest.TensorSpec> outputs = List.of(new Manifest.TensorSpec(Manifest.SCORES_OUTPUT, new int[]{-1, n}),
                new Manifest.TensorSpec(Manifest.CONTRIBUTIONS_OUTPUT, new int[]{-1, -1}));
        Map<String, Object> metrics = new LinkedHashMap<>();
        if (evaluation != null) {
            String protocol = evaluation.folds() == Options.PROTOCOL_FOLDS
                    ? "strong generalization, 5 folds (docs/evaluation.md), seed " + options.params().seed()
                    : "strong generalization, first " + evaluation.folds() + " of 5 folds (holdout of 20% of users), seed "
                    + options.params().seed();
            metrics = evaluation.toManifest(protocol);
        }
        String algorithm = String.format("Low-rank EASE on graded ratings (rank %d, lambda %s; input weight"
                        + " max(0, (stars - 2.5) / 1.5)^%s; popularity exponents input -%s, output %s)"
                        + " + Tribuo LinearSGD profile regression in the item basis (beta %s)",
                trained.scorer().collab().rank(), trimmed(trained.lambda()), trimmed(trained.scorer().collab().inputPower()),
                trimmed(trained.inputPopularity()), trimmed(trained.outputPopularity()), trimmed(trained.beta()));
        return new Manifest(Manifest.FORMAT_VERSION, Encoder.VERSION, release.modelId(), algorithm, description,
                dataThrough, release.modelFile(), release.basisChunks(), release.catalogChunks(), withdrawn,
                release.basisChunks().get(0), baseModelId, n, inputs, outputs, Encoder.PROFILE_FEATURES,
                release.fileEntries(), metrics, training, terms == null ? Map.of() : terms.toJson());
    }

    private static String trimmed(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** The data's end as a timestamp, for Tribuo's data source provenance (never the wall clock). */
    static OffsetDateTime dataTime(String dataThrough) {
        if (dataThrough.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return OffsetDateTime.parse(dataThrough + "T00:00:00Z");
        }
        return OffsetDateTime.parse("1970-01-01T00:00:00Z");
    }
}
