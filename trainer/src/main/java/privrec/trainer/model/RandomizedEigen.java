package privrec.trainer.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

import org.tribuo.math.la.DenseMatrix;

/**
 * Top-k eigenpairs of G = XᵀX by randomized subspace iteration (Halko, Martinsson &amp; Tropp, "Finding structure
 * with randomness", SIAM Review 2011, Algorithms 4.4 and 5.3): a Gaussian start block of k + oversampling columns,
 * {@code iterations} rounds of Y ← G·orth(Y) computed as Xᵀ(X·Q), then a Rayleigh–Ritz step on the small
 * (k+p) × (k+p) matrix QᵀGQ = (XQ)ᵀ(XQ), whose eigen-decomposition is done by Tribuo's {@link DenseMatrix}.
 * Deterministic for a given seed.
 */
public final class RandomizedEigen {
    private RandomizedEigen() {
    }

    /**
     * @param x           the training matrix's Gram products (in memory or distributed)
     * @param k           wanted rank (clamped to the number of columns)
     * @param oversample  extra columns that speed up convergence of the k-th pair
     * @param iterations  subspace iterations (each costs two sparse products)
     * @param seed        seed of the Gaussian start block
     * @param tick        called once per iteration (progress)
     */
    public static Eigenpairs topEigenpairs(GramOperator x, int k, int oversample, int iterations, long seed,
                                           Runnable tick) {
        int n = x.columnCount();
        int rank = Math.min(k, n);
        int width = Math.min(n, rank + oversample);
        Random random = new Random(seed);
        double[] y = new double[n * width];
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextGaussian();
        }
        double[] q = Orthonormal.columns(y, n, width, random);
        for (int it = 0; it < iterations; it++) {
            y = x.gramTimes(q, width);
            q = Orthonormal.columns(y, n, width, random);
            tick.run();
        }
        // Rayleigh–Ritz: T = (XQ)ᵀ(XQ) = QᵀGQ, small and symmetric.
        double[][] t = x.ritz(q, width);
        Optional<DenseMatrix.EigenDecomposition> eigen = DenseMatrix.createDenseMatrix(t).eigenDecomposition();
        if (eigen.isEmpty()) {
            throw new IllegalStateException("eigen-decomposition of the " + width + " x " + width + " Ritz matrix failed");
        }
        double[] values = eigen.get().eigenvalues().toArray();
        DenseMatrix vectors = eigen.get().eigenvectors();
        Integer[] order = new Integer[width];
        for (int i = 0; i < width; i++) {
            order[i] = i;
        }
        // Descending eigenvalue; ties by index so the order is deterministic.
        Arrays.sort(order, (a, b) -> values[a] != values[b] ? Double.compare(values[b], values[a]) : Integer.compare(a, b));
        double[] topValues = new double[rank];
        double[] u = new double[n * rank];
        for (int c = 0; c < rank; c++) {
            int source = order[c];
            topValues[c] = Math.max(0, values[source]);
            for (int r = 0; r < n; r++) {
                double sum = 0;
                int base = r * width;
                for (int j = 0; j < width; j++) {
                    sum += q[base + j] * vectors.get(j, source);
                }
                u[r * rank + c] = sum;
            }
        }
        return new Eigenpairs(topValues, u, n);
    }
}
