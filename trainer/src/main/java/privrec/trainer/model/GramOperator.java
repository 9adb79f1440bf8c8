package privrec.trainer.model;

/**
 * What the model needs from its training matrix X (users × items): products with the Gram matrix G = XᵀX and its
 * diagonal, never G itself. Each is a sum over users (Xᵀ(X·Q) = Σ_u x_uᵀ(x_u·Q)), so an implementation may hold X
 * in memory ({@link SparseRowMatrix}) or split it by users across machines and add the partial sums (the Spark
 * trainer, docs/spark.md). Whatever the model computes from G must go through this interface, so that every way of
 * holding X trains the same model.
 */
public interface GramOperator {
    /** n, the number of items (columns of X). */
    int columnCount();

    /** G·Q = Xᵀ(X·Q) for Q = n × width (row-major); result n × width. */
    double[] gramTimes(double[] q, int width);

    /** The Rayleigh–Ritz matrix QᵀGQ = (XQ)ᵀ(XQ) for Q = n × width; result width × width. */
    double[][] ritz(double[] q, int width);

    /** diag(G): each column's sum of squared values. */
    double[] gramDiagonal();
}
