package privrec.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The debiased aggregate Σ z̃z̃ᵀ − Σσ²I is unbiased for Σ ẑẑᵀ, and its spread is the documented one. */
class ContributionEstimateTest {

    @Test
    void aggregateIsUnbiasedWithTheDocumentedSpread() {
        int k = 6;
        int users = 500;
        double sigma = 1.7;
        Random data = new Random(3);
        double[][] z = new double[users][k];
        double[] truth = new double[k * k];
        for (double[] row : z) {
            for (int i = 0; i < k; i++) {
                row[i] = data.nextGaussian() * (i + 1) * 0.2;
            }
            double[] clipped = Contribution.clip(row, 1.0);
            System.arraycopy(clipped, 0, row, 0, k);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    truth[i * k + j] += row[i] * row[j];
                }
            }
        }
        GaussianNoise noise = new GaussianNoise(new SecureRandom()::nextBytes);
        int trials = 400;
        double[] mean = new double[k * k];
        double[] meanSq = new double[k * k];
        for (int t = 0; t < trials; t++) {
            ContributionEstimate estimate = new ContributionEstimate(k, true);
            for (double[] row : z) {
                estimate.add(Contribution.noised(row, sigma, noise), sigma, 1e9);
            }
            double[] m = estimate.secondMoment();
            for (int e = 0; e < m.length; e++) {
                mean[e] += m[e] / trials;
                meanSq[e] += m[e] * m[e] / trials;
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                int e = i * k + j;
                // Var of one report's entry: i = j: 2σ⁴ + 4σ²ẑ_i²; i ≠ j: σ⁴ + σ²(ẑ_i² + ẑ_j²).
                double sumSq = 0;
                for (double[] row : z) {
                    sumSq += i == j ? 2 * Math.pow(sigma, 4) + 4 * sigma * sigma * row[i] * row[i]
                            : Math.pow(sigma, 4) + sigma * sigma * (row[i] * row[i] + row[j] * row[j]);
                }
                double sd = Math.sqrt(sumSq);
                assertEquals(truth[e], mean[e], 6 * sd / Math.sqrt(trials), "entry " + i + "," + j);
                double spread = Math.sqrt(meanSq[e] - mean[e] * mean[e]);
                assertEquals(sd, spread, 0.15 * sd, "spread of entry " + i + "," + j);
            }
        }
    }

    @Test
    void diagonalOnlyMatchesTheFullEstimate() {
        float[][] reports = {{1, 2, 3}, {-1, 0.5f, 2}};
        ContributionEstimate full = new ContributionEstimate(3, true);
        ContributionEstimate diagonal = new ContributionEstimate(3, false);
        for (float[] r : reports) {
            full.add(r, 0.5, 100);
            diagonal.add(r, 0.5, 100);
        }
        double[] a = full.diagonal();
        double[] b = diagonal.diagonal();
        for (int i = 0; i < 3; i++) {
            assertEquals(a[i], b[i], 1e-12);
        }
        assertEquals(1 + 1 - 0.5, a[0], 1e-12);
    }

    @Test
    void aCraftedReportIsCappedAtTheNormBound() {
        ContributionEstimate estimate = new ContributionEstimate(2, false);
        estimate.add(new float[]{300, 400}, 0, 5);
        double[] d = estimate.diagonal();
        assertEquals(9, d[0], 1e-9);
        assertEquals(16, d[1], 1e-9);
    }
}
