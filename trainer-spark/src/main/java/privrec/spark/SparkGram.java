package privrec.spark;

import java.util.Collections;
import java.util.List;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import privrec.trainer.model.GramOperator;
import privrec.trainer.model.SparseRowMatrix;

/**
 * The Gram products of the users' graded matrix X, by partition: with X split by users into X_1..X_P,
 * {@code XᵀX·Q = Σ_p X_pᵀ(X_p·Q)}, {@code (XQ)ᵀ(XQ) = Σ_p (X_pQ)ᵀ(X_pQ)} and {@code diag(XᵀX) = Σ_p diag(X_pᵀX_p)}.
 * Q is broadcast once per product; each partition builds the trainer's {@link SparseRowMatrix} over its users and
 * computes its term with the very code the single-machine trainer runs; a tree aggregate adds the n × width terms.
 */
final class SparkGram implements GramOperator {
    private final JavaSparkContext sc;
    private final JavaRDD<UserRow> rows;
    private final int n;

    SparkGram(JavaSparkContext sc, JavaRDD<UserRow> rows, int n) {
        this.sc = sc;
        this.rows = rows;
        this.n = n;
    }

    @Override
    public int columnCount() {
        return n;
    }

    @Override
    public double[] gramTimes(double[] q, int width) {
        Broadcast<double[]> qB = sc.broadcast(q);
        int columns = n;
        try {
            return rows.mapPartitions(part -> Collections.singletonList(matrix(part, columns).gramTimes(qB.value(), width)).iterator())
                    .treeReduce(Sums::addVectors, SparkUsers.TREE_DEPTH);
        } finally {
            qB.destroy();
        }
    }

    @Override
    public double[][] ritz(double[] q, int width) {
        Broadcast<double[]> qB = sc.broadcast(q);
        int columns = n;
        try {
            return rows.mapPartitions(part -> Collections.singletonList(matrix(part, columns).ritz(qB.value(), width)).iterator())
                    .treeReduce(Sums::addMatrices, SparkUsers.TREE_DEPTH);
        } finally {
            qB.destroy();
        }
    }

    @Override
    public double[] gramDiagonal() {
        int columns = n;
        return rows.mapPartitions(part -> Collections.singletonList(matrix(part, columns).gramDiagonal()).iterator())
                .treeReduce(Sums::addVectors, SparkUsers.TREE_DEPTH);
    }

    private static SparseRowMatrix matrix(java.util.Iterator<UserRow> part, int columns) {
        return SparseRowMatrix.historyWeighted(SparkUsers.positives(part), columns);
    }
}
