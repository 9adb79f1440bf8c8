package privrec.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tribuo.math.la.DenseMatrix;

import privrec.core.Encoder;
import privrec.core.Profile;
import privrec.trainer.TestData;

class LowRankEaseTest {
    private static final double LAMBDA = 3.0;

    private static double[][] dense(SparseRowMatrix x) {
        int n = x.columnCount();
        float[] g = x.denseGram();
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rows[i][j] = g[i * n + j];
            }
        }
        return rows;
    }

    /** EASE straight from the paper's formula, with Tribuo's Cholesky as an independent solver. */
    private static double[][] easeDirect(SparseRowMatrix x, double lambda) {
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

    private static SparseRowMatrix tiny() {
        return SparseRowMatrix.positives(TestData.clusteredUsers(30, 10, 4, 3), 10);
    }

    @Test
    void spdInverseMatchesTribuoCholeskySolve() {
        // 7: one partial pivot block; 150: several blocks, the last one partial.
        for (int n : new int[]{7, 150}) {
            Random random = new Random(5);
            double[][] m = new double[n][n];
            for (double[] row : m) {
                for (int j = 0; j < n; j++) {
                    row[j] = random.nextGaussian();
                }
            }
            double[][] rows = new double[n][n];
            float[] a = new float[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = i == j ? n : 0;
                    for (int k = 0; k < n; k++) {
                        sum += m[k][i] * m[k][j];
                    }
                    rows[i][j] = sum;
                    a[i * n + j] = (float) sum;
                }
            }
            DenseMatrix expected = DenseMatrix.createDenseMatrix(rows).choleskyFactorization().orElseThrow()
                    .solve(DenseMatrix.createIdentity(n));
            SpdInverse.invertInPlace(a, n);
            double largest = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    largest = Math.max(largest, Math.abs(expected.get(i, j)));
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(expected.get(i, j), a[i * n + j], 1e-4 * largest, n + ": " + i + "," + j);
                }
            }
        }
    }

    @Test
    void exactEaseMatchesTheClosedFormComputedDirectly() {
        SparseRowMatrix x = tiny();
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
    void exactEaseReadsOnlyThePositivesOfAGradedHistory() {
        SparseRowMatrix x = tiny();
        double[][] b = easeDirect(x, LAMBDA);
        ExactEase ease = ExactEase.train(x, LAMBDA);
        float[] history = new float[10];
        history[1] = Encoder.historyWeight(5f);
        history[4] = Encoder.historyWeight(3f); // not a positive: the binary baseline ignores it
        history[7] = Encoder.historyWeight(3.5f);
        float[] scores = ease.score(history, new float[Encoder.profileWidth()], 1);
        for (int j = 0; j < 10; j++) {
            assertEquals(b[1][j] + b[7][j], scores[j], 1e-5, "item " + j);
        }
    }

    @Test
    void theHistoryWeightedGramIsThatOfTheWeightedRatings() {
        List<UserPositives> users = List.of(
                new UserPositives(1, Profile.EMPTY, new int[]{1}, new float[]{4f}, new int[]{0, 1, 3},
                        new float[]{Encoder.historyWeight(3f), 1f, Encoder.historyWeight(5f)}),
                new UserPositives(2, Profile.EMPTY, new int[]{0, 3}, new float[]{4.5f, 3.5f}));
        SparseRowMatrix x = SparseRowMatrix.historyWeighted(users, 4);
        double[][] w = {{1 / 3.0, 1, 0, 5 / 3.0}, {4 / 3.0, 0, 0, 2 / 3.0}};
        float[] gram = x.denseGram();
        double[] diagonal = x.gramDiagonal();
        for (int a = 0; a < 4; a++) {
            for (int c = 0; c < 4; c++) {
                assertEquals(w[0][a] * w[0][c] + w[1][a] * w[1][c], gram[a * 4 + c], 1e-6, a + "," + c);
            }
            assertEquals(gram[a * 4 + a], diagonal[a], 1e-6); // the dense Gram is float
        }
        double[] m = {1, 2, 3, 4};
        double[] xm = x.multiply(m, 1);
        double[] xtz = x.transposeMultiply(new double[]{1, -1}, 1);
        for (int r = 0; r < 2; r++) {
            assertEquals(w[r][0] + 2 * w[r][1] + 3 * w[r][2] + 4 * w[r][3], xm[r], 1e-6);
        }
        for (int c = 0; c < 4; c++) {
            assertEquals(w[0][c] - w[1][c], xtz[c], 1e-6);
        }
        assertArrayEquals(new double[]{1, 1, 0, 1}, SparseRowMatrix.positives(users, 4).gramDiagonal());
    }

    @Test
    void randomizedEigenFindsTheLeadingEigenpairs() {
        SparseRowMatrix x = SparseRowMatrix.positives(TestData.clusteredUsers(60, 24, 6, 4), 24);
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
        SparseRowMatrix x = tiny();
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
        SparseRowMatrix x = SparseRowMatrix.positives(users, 40);
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
