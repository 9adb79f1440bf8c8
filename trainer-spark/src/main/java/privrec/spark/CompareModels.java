package privrec.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import privrec.core.Json;
import privrec.trainer.data.DataFormat;
import privrec.trainer.data.Datasets;
import privrec.core.Manifest;
import privrec.trainer.export.OrtScorer;
import privrec.trainer.model.Interactions;
import privrec.trainer.model.UserPositives;
import privrec.trainer.pipeline.Training;

/**
 * {@code java -cp trainer-spark.jar privrec.spark.CompareModels MODEL_A MODEL_B DATA [USERS]}: runs both written
 * releases' models with ONNX Runtime on the first USERS (default 256) users of the ml-csv data set DATA (their
 * graded histories and profiles, as the browser would send them) and prints the largest score difference, then the
 * metrics of both manifests. Exit code 1 when the catalogs differ. Needs no Spark: it checks a cluster's output
 * against a single machine's.
 */
public final class CompareModels {
    private CompareModels() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: CompareModels MODEL_DIR_A MODEL_DIR_B ML_CSV_DATA_DIR [USERS]");
            System.exit(2);
        }
        Path a = Path.of(args[0]);
        Path b = Path.of(args[1]);
        int count = args.length == 4 ? Integer.parseInt(args[3]) : SparkEquivalence.USERS_COMPARED;
        Interactions data = Interactions.of(Datasets.load(Path.of(args[2]), DataFormat.ML_CSV));
        Manifest ma = Training.readManifest(a);
        Manifest mb = Training.readManifest(b);
        // Catalog chunks are named by their content: the same names are the same bytes.
        if (!ma.catalogFiles().equals(mb.catalogFiles())) {
            System.out.println("catalogs differ");
            System.exit(1);
        }
        List<UserPositives> users = data.users().subList(0, Math.min(count, data.users().size()));
        double diff;
        try (OrtScorer sa = new OrtScorer(a, ma.modelFile(), data.itemCount());
             OrtScorer sb = new OrtScorer(b, mb.modelFile(), data.itemCount())) {
            diff = SparkEquivalence.maxAbsDiff(sa, sb, users, data.itemCount());
        }
        System.out.printf("catalogs identical; max |score difference| over %d users (ONNX Runtime): %.3g%n",
                users.size(), diff);
        System.out.println("metrics " + a + ": " + metrics(a));
        System.out.println("metrics " + b + ": " + metrics(b));
    }

    private static Object metrics(Path dir) throws Exception {
        Path manifest = dir.resolve(Training.MANIFEST_FILE);
        Map<String, Object> json = Json.parseObject(Files.readString(manifest), manifest.toString());
        return Json.write(json.get("metrics"));
    }
}
