package privrec.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import privrec.trainer.TrainerMain;
import privrec.trainer.cli.BadOptionException;
import privrec.trainer.cli.BarProgress;
import privrec.trainer.cli.ModelOptions;
import privrec.trainer.data.DataFormatException;
import privrec.trainer.export.TelemetryGuard;
import privrec.trainer.model.Interactions;
import privrec.trainer.pipeline.Progress;
import privrec.trainer.pipeline.Training;

/**
 * {@code spark-submit --class privrec.spark.SparkTrainerMain trainer-spark.jar --data DIR --out DIR}: the
 * trainer's {@code train} with the users on Spark. The data is read and every sum over users computed by the
 * executors; the small dense steps, tuning, evaluation scoring, ONNX export, ONNX Runtime verification and the
 * atomic write run on the driver with the single-machine trainer's code ({@link Training#run}), so the artifacts
 * are the ones {@code trainer train} writes. Exit codes as the trainer's: 0, 1 failure, 2 bad usage or data.
 */
@Command(name = "trainer-spark", mixinStandardHelpOptions = true, version = "privrec trainer-spark 1.0",
        description = {"Trains the model on Apache Spark and writes the release (graph, basis, catalog), manifest.json and "
                + "provenance.json into --out (a directory on the driver), exactly as `trainer train` does.",
                "Nothing is written when loading, training or verification fails."})
public final class SparkTrainerMain implements Callable<Integer> {
    /** The master when neither --master nor spark-submit (spark.master) sets one. */
    static final String DEFAULT_MASTER = "local[2]";

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Data directory on any Spark-readable path (file:, hdfs:, s3a:, ...): movies.csv, optional "
                    + "users.csv, and ratings.csv (ml-csv) or ratings.parquet (parquet).")
    String data;

    @Option(names = "--format", defaultValue = "ml-csv", paramLabel = "FORMAT",
            description = "ml-csv (ratings.csv: userId,movieId,rating,timestamp) or parquet (ratings.parquet with "
                    + "those columns) (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", defaultValue = "models", paramLabel = "DIR",
            description = "Output directory on the driver's file system (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of splits and training (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ModelOptions model;

    @Option(names = "--eval-folds", defaultValue = "5", paramLabel = "N",
            description = "Folds of the 5-fold protocol run for the manifest's metrics, 0..5 (default ${DEFAULT-VALUE}). "
                    + "Evaluation gathers the users with at least 5 positives on the driver; use 0 for very large data.")
    int evalFolds;

    @Option(names = "--verify-rows", defaultValue = "256", paramLabel = "N",
            description = "Rows compared between ONNX Runtime and the in-memory model, at least 200 (default ${DEFAULT-VALUE}).")
    int verifyRows;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master; default: spark-submit's (spark.master), else " + DEFAULT_MASTER + ".")
    String master;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Partitions of the users (default: Spark's default parallelism). Each partition adds one "
                    + "items x (rank+16) partial sum per product: see docs/spark.md for sizing.")
    Integer partitions;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams; returns the exit code (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new SparkTrainerMain());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(TrainerMain.parameterErrors());
        cli.setExecutionExceptionHandler(TrainerMain.executionErrors());
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public Integer call() throws Exception {
        if (!TelemetryGuard.disabledByEnvironment()) {
            // ONNX Runtime 1.29 writes a device id when its environment starts unless this is set; the trainer jar
            // re-launches itself with it, but a Spark driver cannot: the launch must set it (docs/spark.md).
            throw new BadOptionException("set " + TelemetryGuard.VARIABLE + "=1 in the driver's environment (ONNX "
                    + "Runtime's telemetry; spark.yarn.appMasterEnv.* / spark.kubernetes.driverEnv.* in cluster mode)");
        }
        if (evalFolds < 0 || evalFolds > Training.Options.PROTOCOL_FOLDS) {
            throw new BadOptionException("--eval-folds " + evalFolds + " is outside 0..5");
        }
        if (partitions != null && partitions < 1) {
            throw new BadOptionException("--partitions " + partitions + " must be at least 1");
        }
        SparkData.Format chosen;
        try {
            chosen = SparkData.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new BadOptionException(e.getMessage());
        }
        Training.Options options = new Training.Options(model.params(seed), evalFolds, verifyRows);
        long start = System.nanoTime();
        PrintWriter stdout = spec.commandLine().getOut();
        BarProgress progress = new BarProgress(System.err, stdout);
        try (SparkSession spark = session(master)) {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            int parts = partitions != null ? partitions : Math.max(2, sc.defaultParallelism());
            progress.info("spark " + spark.version() + ", master " + sc.master() + ", " + parts + " partitions");
            Training.Result result = train(spark, data, chosen, parts, options, progress);
            stdout.printf("verified %d rows with ONNX Runtime: max abs diff %.3g (limit %.3g)%n",
                    result.verification().rows(), result.verification().maxAbsDiff(), options.tolerance());
            stdout.printf("verified the Tribuo profile model with tribuo-onnx (ONNXExternalModel): max abs diff %.3g%n",
                    result.verification().profileMaxAbsDiff());
            if (result.evaluation() != null) {
                stdout.print(result.evaluation().toTable());
            }
            Training.write(out, result);
            stdout.printf("model %s: lambda %s, beta %s, rank %d; wrote %s (%s)%n", result.modelId(),
                    result.model().lambda(), result.model().beta(), result.model().scorer().collab().rank(),
                    out, Training.partSizes(result.files()));
        } catch (Exception e) { // SparkException is checked, but Scala code throws it undeclared
            throw dataErrorIn(e);
        }
        stdout.printf("done in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** Loads {@code dir}, trains and verifies on Spark; writes nothing. */
    static Training.Result train(SparkSession spark, String dir, SparkData.Format chosen, int parts,
                                 Training.Options options, Progress progress) throws Exception {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SparkData.Loaded loaded = SparkData.load(spark, dir, chosen, parts);
        SparkUsers users = new SparkUsers(sc, loaded.users(), loaded.movies().size());
        progress.info(String.format("data: %s, %d movies, %d users with positives, newest rating %s",
                loaded.description(), loaded.movies().size(), users.size(), loaded.dataThrough()));
        // The quick evaluation deals its folds from the eligible users, gathered on the driver (the protocol
        // splits each test user with one random stream in user order); training sums stay on the executors.
        Interactions catalogAndFolds = new Interactions(loaded.movies(),
                options.evalFolds() > 0 ? users.gatherEligible() : List.of(), loaded.description(),
                loaded.dataThrough());
        try {
            return Training.run(catalogAndFolds, users, options, progress);
        } finally {
            loaded.users().unpersist(false);
        }
    }

    static SparkSession session(String master) {
        SparkConf conf = new SparkConf().setAppName("privrec-trainer");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster(DEFAULT_MASTER);
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.setIfMissing("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /**
     * A data error raised on an executor reaches the driver inside Spark's job failure: report it as the data error
     * it is (one line, exit 2). The failure carries it as its cause when it could be sent back; otherwise only its
     * text, as "…DataFormatException: message" in the failure's message.
     */
    static Exception dataErrorIn(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataFormatException bad) {
                return bad;
            }
        }
        String marker = DataFormatException.class.getName() + ": ";
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf(marker);
        if (at >= 0) {
            String rest = message.substring(at + marker.length());
            String line = rest.indexOf('\n') < 0 ? rest : rest.substring(0, rest.indexOf('\n'));
            int colon = line.indexOf(": ");
            if (colon > 0) { // "file: problem", as DataFormatException writes it for line 0
                return new DataFormatException(line.substring(0, colon), 0, line.substring(colon + 2), e);
            }
        }
        return e;
    }
}
