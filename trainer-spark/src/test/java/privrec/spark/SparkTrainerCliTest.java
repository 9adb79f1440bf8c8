package privrec.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import privrec.trainer.TrainerMain;
import privrec.trainer.data.DataFormat;
import privrec.trainer.data.Datasets;
import privrec.trainer.data.MovieLensCsvWriter;
import privrec.trainer.data.SyntheticData;
import privrec.trainer.export.OrtScorer;
import privrec.trainer.model.Interactions;
import privrec.trainer.pipeline.Training;

/** The command line: Parquet input, the artifacts `trainer train` writes, one-line errors for bad data. */
class SparkTrainerCliTest {
    private static final List<String> FILES = List.of(Training.MANIFEST_FILE, Training.PROVENANCE_FILE);

    record Run(int code, String out, String err) {
    }

    static Run spark(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkTrainerMain.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    static Path smallData(Path dir) throws Exception {
        MovieLensCsvWriter.write(SyntheticData.generate(7, 150, 220, 9000), dir);
        return dir;
    }

    @Test
    void parquetRatingsGiveTheModelTrainTrainsFromCsv(@TempDir Path tmp) throws Exception {
        Path csv = smallData(tmp.resolve("csv"));
        Path parquet = tmp.resolve("parquet");
        Files.createDirectories(parquet);
        for (String side : List.of("movies.csv", "users.csv")) {
            Files.copy(csv.resolve(side), parquet.resolve(side));
        }
        try (SparkSession session = SparkTrainerMain.session("local[2]")) {
            session.read().option("header", true).schema("userId INT, movieId INT, rating DOUBLE, timestamp LONG")
                    .csv(csv.resolve("ratings.csv").toString())
                    .write().parquet(parquet.resolve(SparkData.PARQUET_RATINGS).toString());
        }
        Path fromSpark = tmp.resolve("model-spark");
        Run run = spark("--master", "local[2]", "--data", parquet.toString(), "--format", "parquet",
                "--eval-folds", "0", "--rank", "24", "--out", fromSpark.toString());
        assertEquals(0, run.code(), run.out() + run.err());
        Path single = tmp.resolve("model-single");
        StringWriter out = new StringWriter();
        int code = TrainerMain.run(new String[]{"train", "--data", csv.toString(), "--format", "ml-csv",
                "--eval-folds", "0", "--rank", "24", "--out", single.toString()}, new PrintWriter(out), new PrintWriter(out));
        assertEquals(0, code, out.toString());

        for (String name : FILES) {
            assertTrue(Files.isRegularFile(fromSpark.resolve(name)), name);
        }
        privrec.core.Manifest singleManifest = Training.readManifest(single);
        privrec.core.Manifest sparkManifest = Training.readManifest(fromSpark);
        for (String name : sparkManifest.partNames()) {
            assertTrue(Files.isRegularFile(fromSpark.resolve(name)), name);
        }
        assertEquals(singleManifest.catalogFiles(), sparkManifest.catalogFiles(), "the same catalog bytes");
        Interactions data = Interactions.of(Datasets.load(csv, DataFormat.ML_CSV));
        try (OrtScorer a = new OrtScorer(single, singleManifest.modelFile(), data.itemCount());
             OrtScorer b = new OrtScorer(fromSpark, sparkManifest.modelFile(), data.itemCount())) {
            double diff = SparkEquivalence.maxAbsDiff(a, b, data.users(), data.itemCount());
            assertTrue(diff <= 1e-4, "scores differ by " + diff);
        }
        assertTrue(Files.readString(fromSpark.resolve(Training.MANIFEST_FILE)).contains("\"Parquet ratings (parquet)\""));
    }

    @Test
    void aBadRatingIsOneLineExitTwoAndNothingWritten(@TempDir Path tmp) throws Exception {
        Path data = smallData(tmp.resolve("bad"));
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(data.resolve("ratings.csv")));
        lines.add(5000, "12,3,x,978300760");
        Files.write(data.resolve("ratings.csv"), lines);
        Path out = tmp.resolve("out");
        Run run = spark("--master", "local[2]", "--data", data.toString(), "--out", out.toString());
        assertEquals(2, run.code(), run.out() + run.err());
        assertEquals("ratings.csv: rating \"12,3,x,978300760\": rating \"x\" is not a number", run.err().trim());
        assertFalse(Files.exists(out));
    }

    @Test
    void aMissingDirectoryAndABadFormatAreUsageErrors(@TempDir Path tmp) {
        Run missing = spark("--master", "local[2]", "--data", tmp.resolve("nothing").toString(), "--out",
                tmp.resolve("out").toString());
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("no such directory"), missing.err());
        Run format = spark("--data", tmp.toString(), "--format", "orc");
        assertEquals(2, format.code(), format.err());
        assertTrue(format.err().contains("unknown format \"orc\""), format.err());
    }
}
