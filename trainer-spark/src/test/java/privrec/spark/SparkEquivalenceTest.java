package privrec.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import privrec.trainer.data.DataFormat;
import privrec.trainer.data.Datasets;
import privrec.trainer.data.MovieLensCsvWriter;
import privrec.trainer.data.SyntheticData;
import privrec.trainer.eval.MetricSet;
import privrec.trainer.export.OrtScorer;
import privrec.trainer.model.Interactions;
import privrec.trainer.model.TrainParams;
import privrec.trainer.model.UserPositives;
import privrec.trainer.pipeline.Progress;
import privrec.trainer.pipeline.Training;

/**
 * The Spark job on local[2] and the single-machine trainer, same data and seed: the same λ and β, the same
 * scores on 256 real users (in memory and from the written ONNX files), the same evaluation metrics, the same
 * catalog. Real Spark, real Tribuo, real ONNX Runtime; only the cluster is local.
 */
class SparkEquivalenceTest {
    static final double SCORE_TOLERANCE = 1e-4;
    static final int USERS_COMPARED = SparkEquivalence.USERS_COMPARED;

    @Test
    void sparkTrainsTheSingleMachineModel(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("synthetic");
        MovieLensCsvWriter.write(SyntheticData.generate(42), dir); // `trainer generate --out DIR`, default data
        // As `trainer train --data DIR --format ml-csv --eval-folds 1`.
        Training.Options options = new Training.Options(TrainParams.defaults(42), 1, 256);
        Interactions data = Interactions.of(Datasets.load(dir, DataFormat.ML_CSV));
        long t0 = System.nanoTime();
        Training.Result single = Training.run(data, options, Progress.NONE);
        long t1 = System.nanoTime();
        Training.Result spark;
        try (SparkSession session = SparkTrainerMain.session("local[2]")) {
            spark = SparkTrainerMain.train(session, dir.toString(), SparkData.Format.ML_CSV, 2, options, Progress.NONE);
        }
        long t2 = System.nanoTime();

        assertEquals(single.model().lambda(), spark.model().lambda(), "lambda chosen on the same validation users");
        assertEquals(single.model().beta(), spark.model().beta(), "beta chosen on the same validation users");
        List<UserPositives> users = data.users().subList(0, USERS_COMPARED);
        double inMemory = SparkEquivalence.maxAbsDiff(single.model().scorer(), spark.model().scorer(), users,
                data.itemCount());
        double onnx;
        try (OrtScorer a = OrtScorer.ofParts(single.files(), Training.manifestOf(single.files()).modelFile(),
                data.itemCount());
             OrtScorer b = OrtScorer.ofParts(spark.files(), Training.manifestOf(spark.files()).modelFile(),
                     data.itemCount())) {
            onnx = SparkEquivalence.maxAbsDiff(a, b, users, data.itemCount());
        }
        MetricSet m1 = single.evaluation().model();
        MetricSet m2 = spark.evaluation().model();
        System.out.printf("single machine %.1f s, spark local[2] %.1f s; lambda %s beta %s; max |score diff| over %d "
                        + "users: in memory %.3g, ONNX %.3g%n", (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                spark.model().lambda(), spark.model().beta(), USERS_COMPARED, inMemory, onnx);
        System.out.printf("metrics single %s%nmetrics spark  %s%n", m1, m2);
        assertTrue(inMemory <= SCORE_TOLERANCE, "in-memory scores differ by " + inMemory);
        assertTrue(onnx <= SCORE_TOLERANCE, "ONNX scores differ by " + onnx);
        assertEquals(threeDecimals(m1), threeDecimals(m2), "evaluation metrics to 3 decimals");
        assertEquals(threeDecimals(single.evaluation().coldModel()), threeDecimals(spark.evaluation().coldModel()));
        assertEquals(threeDecimals(single.evaluation().mostPopular()), threeDecimals(spark.evaluation().mostPopular()));
        assertEquals(single.files().size(), spark.files().size(), "the same artifacts");
        assertArrayEquals(Training.catalogBytes(single.files()), Training.catalogBytes(spark.files()),
                "catalog (popularity counted by partition)");
        assertEquals(single.verification().rows(), spark.verification().rows());
    }

    static String threeDecimals(MetricSet m) {
        return String.format("%.3f %.3f %.3f %.3f %d", m.recall20(), m.recall50(), m.ndcg10(), m.ndcg100(), m.users());
    }
}
