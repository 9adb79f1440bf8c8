package privrec.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import privrec.trainer.model.GramOperator;
import privrec.trainer.model.SparseRowMatrix;
import privrec.trainer.model.UserPositives;
import scala.Tuple2;

/**
 * The Gram products of the users' graded matrix X, by partition: with X split by users into X_1..X_P,
 * {@code XᵀX·Q = Σ_p X_pᵀ(X_p·Q)}, {@code (XQ)ᵀ(XQ) = Σ_p (X_pQ)ᵀ(X_pQ)} and {@code diag(XᵀX) = Σ_p diag(X_pᵀX_p)}.
 * Q is broadcast once per product; each partition builds the trainer's {@link SparseRowMatrix} over its users,
 * {@link #CHUNK_USERS} at a time (so X_p·Q never needs more than CHUNK_USERS × width doubles), and computes its
 * term with the very code the single-machine trainer runs.
 *
 * <p>The n × width terms of G·Q are added by row block: each partition emits its term cut into {@link #blocks}
 * blocks, {@code reduceByKey} adds each block on the executors, and the driver receives every row once (n × width
 * doubles), however many partitions there are. The small width × width Ritz matrices and the diagonal go through a
 * tree aggregate. docs/spark.md sizes both.
 */
final class SparkGram implements GramOperator {
    /** Users per SparseRowMatrix inside a partition: bounds X_p·Q to CHUNK_USERS × width doubles. */
    static final int CHUNK_USERS = 20_000;
    /** Target size of one row block of G·Q: small enough to shuffle and merge, big enough to be few. */
    static final long BLOCK_BYTES = 32L << 20;

    private final JavaSparkContext sc;
    private final JavaRDD<UserRow> rows;
    private final int n;
    /** The power every history weight is raised to (the trainer's inputPower). */
    private final float power;

    SparkGram(JavaSparkContext sc, JavaRDD<UserRow> rows, int n, float power) {
        this.sc = sc;
        this.rows = rows;
        this.n = n;
        this.power = power;
    }

    @Override
    public int columnCount() {
        return n;
    }

    /** Row blocks of an n × width result: about {@link #BLOCK_BYTES} each, at most n. */
    static int blocks(int n, int width) {
        long bytes = (long) n * width * Double.BYTES;
        return (int) Math.max(1, Math.min(n, (bytes + BLOCK_BYTES - 1) / BLOCK_BYTES));
    }

    @Override
    public double[] gramTimes(double[] q, int width) {
        Broadcast<double[]> qB = sc.broadcast(q);
        int columns = n;
        float p = power;
        int blocks = blocks(n, width);
        int rowsPerBlock = (n + blocks - 1) / blocks;
        try {
            List<Tuple2<Integer, double[]>> summed = rows.mapPartitions(part -> {
                double[] term = null;
                for (List<UserPositives> chunk : chunks(part)) {
                    double[] y = SparseRowMatrix.historyWeighted(chunk, columns, p).gramTimes(qB.value(), width);
                    term = term == null ? y : Sums.addVectors(term, y);
                }
                return term == null ? Collections.emptyIterator() : cut(term, columns, width, rowsPerBlock);
            }).mapToPair(t -> t).reduceByKey(Sums::addVectors, blocks).collect();
            double[] y = new double[n * width];
            for (Tuple2<Integer, double[]> block : summed) {
                System.arraycopy(block._2(), 0, y, block._1() * rowsPerBlock * width, block._2().length);
            }
            return y;
        } finally {
            qB.destroy();
        }
    }

    @Override
    public double[][] ritz(double[] q, int width) {
        Broadcast<double[]> qB = sc.broadcast(q);
        int columns = n;
        float p = power;
        try {
            return rows.mapPartitions(part -> {
                double[][] t = new double[width][width];
                for (List<UserPositives> chunk : chunks(part)) {
                    Sums.addMatrices(t, SparseRowMatrix.historyWeighted(chunk, columns, p).ritz(qB.value(), width));
                }
                return Collections.singletonList(t).iterator();
            }).treeReduce(Sums::addMatrices, SparkUsers.TREE_DEPTH);
        } finally {
            qB.destroy();
        }
    }

    @Override
    public double[] gramDiagonal() {
        int columns = n;
        float p = power;
        return rows.mapPartitions(part -> Collections.singletonList(
                        SparseRowMatrix.historyWeighted(SparkUsers.positives(part), columns, p).gramDiagonal()).iterator())
                .treeReduce(Sums::addVectors, SparkUsers.TREE_DEPTH);
    }

    /** A partition's users in chunks of at most {@link #CHUNK_USERS}, in order. */
    static Iterable<List<UserPositives>> chunks(Iterator<UserRow> part) {
        return () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return part.hasNext();
            }

            @Override
            public List<UserPositives> next() {
                List<UserPositives> chunk = new ArrayList<>(CHUNK_USERS);
                while (part.hasNext() && chunk.size() < CHUNK_USERS) {
                    chunk.add(part.next().positives());
                }
                return chunk;
            }
        };
    }

    /** The row blocks of an n × width term, each copied when asked for (so at most one extra block is held). */
    static Iterator<Tuple2<Integer, double[]>> cut(double[] term, int n, int width, int rowsPerBlock) {
        return new Iterator<>() {
            int block = 0;

            @Override
            public boolean hasNext() {
                return block * rowsPerBlock < n;
            }

            @Override
            public Tuple2<Integer, double[]> next() {
                int from = block * rowsPerBlock;
                int to = Math.min(n, from + rowsPerBlock);
                return new Tuple2<>(block++, Arrays.copyOfRange(term, from * width, to * width));
            }
        };
    }
}
