package privrec.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import privrec.trainer.data.DataFormat;
import privrec.trainer.data.Datasets;
import privrec.trainer.data.MovieLensCsvWriter;
import privrec.trainer.data.SyntheticData;
import privrec.trainer.model.GramOperator;
import privrec.trainer.model.InMemoryUsers;
import privrec.trainer.model.Interactions;
import privrec.trainer.model.ProfileGroup;
import privrec.trainer.model.TrainingUsers;
import privrec.trainer.model.UserPositives;

/** Every {@link TrainingUsers} answer of the Spark users against the in-memory users of the same files. */
class SparkUsersTest {
    @Test
    void answersAsTheInMemoryUsers(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("data");
        MovieLensCsvWriter.write(SyntheticData.generate(3, 120, 300, 6000), dir);
        Interactions data = Interactions.of(Datasets.load(dir, DataFormat.ML_CSV));
        InMemoryUsers local = new InMemoryUsers(data.users(), data.itemCount());
        try (SparkSession session = SparkTrainerMain.session("local[2]")) {
            // 3 partitions on 2 cores: the sums must not depend on how users are split.
            SparkData.Loaded loaded = SparkData.load(session, dir.toString(), SparkData.Format.ML_CSV, 3);
            assertEquals(data.movies(), loaded.movies());
            assertEquals(data.dataThrough(), loaded.dataThrough());
            assertEquals(data.description(), loaded.description());
            SparkUsers spark = new SparkUsers(JavaSparkContext.fromSparkContext(session.sparkContext()),
                    loaded.users(), data.itemCount());
            same(local, spark);
            TrainingUsers a = local.eligibleOnly().without(data.users().subList(10, 40));
            TrainingUsers b = spark.eligibleOnly().without(data.users().subList(10, 40));
            same(a, b);
            b.release();
        }
    }

    private static void same(TrainingUsers a, TrainingUsers b) {
        assertEquals(a.size(), b.size());
        assertEquals(a.eligibleCount(), b.eligibleCount());
        int[] positions = new Random(5).ints(20, 0, a.eligibleCount()).toArray();
        List<Integer> idsA = a.eligibleAt(positions).stream().map(UserPositives::userId).toList();
        List<Integer> idsB = b.eligibleAt(positions).stream().map(UserPositives::userId).toList();
        assertEquals(idsA, idsB);
        assertArrayEquals(a.popularity(), b.popularity());
        assertEquals(a.positives(), b.positives());
        assertEquals(a.weightedRatings(), b.weightedRatings());
        assertEquals(a.profiles(), b.profiles());
        List<ProfileGroup> ga = a.profileGroups();
        List<ProfileGroup> gb = b.profileGroups();
        assertEquals(ga.size(), gb.size());
        for (int g = 0; g < ga.size(); g++) {
            assertArrayEquals(ga.get(g).onehot(), gb.get(g).onehot());
            assertEquals(ga.get(g).users(), gb.get(g).users());
            assertArrayEquals(ga.get(g).meanTarget(), gb.get(g).meanTarget());
        }
        int n = a.itemCount();
        int width = 7;
        double[] q = new Random(9).doubles((long) n * width).toArray();
        GramOperator xa = a.historyWeighted(0.5f);
        GramOperator xb = b.historyWeighted(0.5f);
        assertArrayEquals(xa.gramTimes(q, width), xb.gramTimes(q, width), 1e-9);
        assertArrayEquals(xa.gramDiagonal(), xb.gramDiagonal(), 1e-9);
        double[][] ta = xa.ritz(q, width);
        double[][] tb = xb.ritz(q, width);
        for (int r = 0; r < width; r++) {
            assertArrayEquals(ta[r], tb[r], 1e-6);
        }
    }
}
