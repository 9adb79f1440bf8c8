package privrec.trainer.model;

/**
 * Leading eigenpairs of a symmetric positive semi-definite n × n matrix.
 *
 * @param values  k eigenvalues, descending
 * @param vectors n × k row-major; column i is the unit eigenvector of values[i]
 * @param n       matrix size
 */
public record Eigenpairs(double[] values, double[] vectors, int n) {
    public int rank() {
        return values.length;
    }

    /** The leading {@code k} pairs (k ≤ rank). */
    public Eigenpairs truncate(int k) {
        if (k > rank() || k < 1) {
            throw new IllegalArgumentException("rank " + k + " is outside 1.." + rank());
        }
        double[] v = new double[n * k];
        for (int r = 0; r < n; r++) {
            System.arraycopy(vectors, r * rank(), v, r * k, k);
        }
        double[] s = new double[k];
        System.arraycopy(values, 0, s, 0, k);
        return new Eigenpairs(s, v, n);
    }
}
