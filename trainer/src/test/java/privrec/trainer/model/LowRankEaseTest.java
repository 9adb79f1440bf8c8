package privrec.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tribuo.math.la.DenseMatrix;

import privrec.core.Encoder;
import privrec.trainer.TestData;

class LowRankEaseTest {
    private static final double LAMBDA = 3.0;

    private static double[][] dense(SparseBinaryMatrix x) {
        int n = x.columnCount();
        double[] g = x.denseGram();
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(g, i * n, rows[i], 0, n);
        }
        return rows;
    }

    /** EASE straight from the paper's formula, with Tribuo's Cholesky as an independent solver. */
    private static double[][] easeDirect(SparseBinaryMatrix x, double lambda) {
        int n = x.columnCount();
        double[][] g = dense(x);
        for (int i = 0; i < n; i++) {
            g[i][i] += lambda;
        }
        DenseMatrix p = DenseMatrix.createDenseMatrix(g).choleskyFactorization().orElseThrow()
                .solve(DenseMatrix.createIdentity(n));
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i][j] = i == j ? 0 : -p.get(i, j) / p.get(j, j);
            }
        }
        return b;
    }

    private static SparseBinaryMatrix tiny() {
        return new SparseBinaryMatrix(TestData.clusteredUsers(30, 10, 4, 3), 10);
    }

    @Test
    void spdInverseMatchesTribuoCholeskySolve() {
        int n = 7;
        Random random = new Random(5);
        double[][] m = new double[n][n];
        for (double[] row : m) {
            for (int j = 0; j < n; j++) {
                row[j] = random.nextGaussian();
            }
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sum = i == j ? 1 : 0;
                for (int k = 0; k < n; k++) {
                    sum += m[k][i] * m[k][j];
                }
                a[i * n + j] = sum;
            }
        }
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = Arrays.copyOfRange(a, i * n, (i + 1) * n);
        }
        DenseMatrix expected = DenseMatrix.createDenseMatrix(rows).choleskyFactorization().orElseThrow()
                .solve(DenseMatrix.createIdentity(n));
        SpdInverse.invertInPlace(a, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(expected.get(i, j), a[i * n + j], 1e-9);
            }
        }
    }

    @Test
    void exactEaseMatchesTheClosedFormComputedDirectly() {
        SparseBinaryMatrix x = tiny();
        double[][] b = easeDirect(x, LAMBDA);
        ExactEase ease = ExactEase.train(x, LAMBDA);
        float[] history = new float[10];
        history[1] = 1f;
        history[7] = 1f;
        float[] scores = ease.score(history, new float[Encoder.profileWidth()], 1);
        for (int j = 0; j < 10; j++) {
            assertEquals(b[1][j] + b[7][j], scores[j], 1e-5, "item " + j);
        }
    }

    @Test
    void randomizedEigenFindsTheLeadingEigenpairs() {
        SparseBinaryMatrix x = new SparseBinaryMatrix(TestData.clusteredUsers(60, 24, 6, 4), 24);
        double[][] g = dense(x);
        double[] all = DenseMatrix.createDenseMatrix(g).eigenDecomposition().orElseThrow().eigenvalues().toArray();
        Arrays.sort(all);
        Eigenpairs top = RandomizedEigen.topEigenpairs(x, 4, 8, 8, 42, () -> { });
        for (int i = 0; i < 4; i++) {
            assertEquals(all[all.length - 1 - i], top.values()[i], 1e-6 * all[all.length - 1]);
            // G·u = σ·u for the returned vector.
            for (int r = 0; r < 24; r++) {
                double gu = 0;
                for (int c = 0; c < 24; c++) {
                    gu += g[r][c] * top.vectors()[c * 4 + i];
                }
                assertEquals(top.values()[i] * top.vectors()[r * 4 + i], gu, 1e-5 * all[all.length - 1]);
            }
        }
    }

    @Test
    void fullRankLowRankEaseEqualsExactEaseOnUnseenItems() {
        SparseBinaryMatrix x = tiny();
        double[][] b = easeDirect(x, LAMBDA);
        Eigenpairs eigen = RandomizedEigen.topEigenpairs(x, 10, 0, 4, 42, () -> { });
        for (boolean tail : new boolean[]{true, false}) {
            CollaborativeFactors factors = LowRankEase.factors(eigen, 10, x.gramDiagonal(), LAMBDA, tail);
            float[] history = new float[10];
            history[2] = 1f;
            history[5] = 1f;
            float[] scores = new float[10];
            factors.addScores(history, 0, scores);
            for (int j = 0; j < 10; j++) {
                if (j != 2 && j != 5) {
                    assertEquals(b[2][j] + b[5][j], scores[j], 1e-5, "item " + j + " tail=" + tail);
                }
            }
        }
    }

    @Test
    void tailEstimateBringsTheDiagonalOfPCloserToExact() {
        List<UserPositives> users = TestData.clusteredUsers(200, 40, 8, 9);
        SparseBinaryMatrix x = new SparseBinaryMatrix(users, 40);
        double lambda = 20;
        double[][] g = dense(x);
        for (int i = 0; i < 40; i++) {
            g[i][i] += lambda;
        }
        DenseMatrix p = DenseMatrix.createDenseMatrix(g).choleskyFactorization().orElseThrow()
                .solve(DenseMatrix.createIdentity(40));
        Eigenpairs eigen = RandomizedEigen.topEigenpairs(x, 12, 8, 6, 42, () -> { });
        float[] with = LowRankEase.factors(eigen, 12, x.gramDiagonal(), lambda, true).d();
        float[] without = LowRankEase.factors(eigen, 12, x.gramDiagonal(), lambda, false).d();
        double errorWith = 0;
        double errorWithout = 0;
        for (int j = 0; j < 40; j++) {
            double exact = 1 / (lambda * p.get(j, j));
            errorWith += Math.abs(with[j] - exact);
            errorWithout += Math.abs(without[j] - exact);
            // Without the tail, 1/(λP_jj) is underestimated (the tail's share of diag(P) is dropped).
            assertTrue(without[j] <= exact + 1e-4, "item " + j);
        }
        assertTrue(errorWith < errorWithout, "tail estimate should bring 1/(λP_jj) closer to exact: "
                + errorWith + " vs " + errorWithout);
    }
}
