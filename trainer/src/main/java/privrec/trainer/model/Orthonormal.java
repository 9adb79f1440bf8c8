package privrec.trainer.model;

import java.util.Random;

/** Orthonormal bases by modified Gram–Schmidt, applied twice ("twice is enough", Giraud et al. 2005). */
final class Orthonormal {
    private Orthonormal() {
    }

    /**
     * Orthonormalizes the columns of the n × width row-major matrix {@code y}. A column that is (numerically) in the
     * span of earlier ones is replaced by a random direction, so the result always has width orthonormal columns
     * (matters for tiny matrices whose rank is below the block width).
     */
    static double[] columns(double[] y, int n, int width, Random random) {
        double[][] cols = new double[width][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < width; c++) {
                cols[c][r] = y[r * width + c];
            }
        }
        for (int c = 0; c < width; c++) {
            double[] v = cols[c];
            double before = norm(v);
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < c; p++) {
                    subtractProjection(v, cols[p]);
                }
            }
            double after = norm(v);
            if (after <= 1e-10 * Math.max(before, 1e-300)) {
                for (int r = 0; r < n; r++) {
                    v[r] = random.nextGaussian();
                }
                for (int pass = 0; pass < 2; pass++) {
                    for (int p = 0; p < c; p++) {
                        subtractProjection(v, cols[p]);
                    }
                }
                after = norm(v);
            }
            for (int r = 0; r < n; r++) {
                v[r] /= after;
            }
        }
        double[] q = new double[n * width];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < width; c++) {
                q[r * width + c] = cols[c][r];
            }
        }
        return q;
    }

    private static void subtractProjection(double[] v, double[] unit) {
        double dot = 0;
        for (int r = 0; r < v.length; r++) {
            dot += v[r] * unit[r];
        }
        for (int r = 0; r < v.length; r++) {
            v[r] -= dot * unit[r];
        }
    }

    private static double norm(double[] v) {
        double sum = 0;
        for (double value : v) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }
}
