package privrec.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * The noise the browser adds has the documented distribution: this is the browser's own code
 * ({@link GaussianNoise}, {@link Contribution#noised}), fed here by the JVM's {@code SecureRandom} instead of
 * {@code crypto.getRandomValues}. Bounds are 6 standard errors: a correct implementation fails about once in
 * 10⁸ runs, and a σ off by 1 % fails almost always at this sample size.
 */
class NoiseTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void standardNormalMoments() {
        GaussianNoise noise = new GaussianNoise(RANDOM::nextBytes);
        int n = 1_000_000;
        double s1 = 0;
        double s2 = 0;
        double s4 = 0;
        int beyond3 = 0;
        for (int i = 0; i < n; i++) {
            double x = noise.next();
            s1 += x;
            s2 += x * x;
            s4 += x * x * x * x;
            beyond3 += Math.abs(x) > 3 ? 1 : 0;
        }
        assertEquals(0, s1 / n, 6 / Math.sqrt(n));
        assertEquals(1, s2 / n, 6 * Math.sqrt(2.0 / n));
        assertEquals(3, s4 / n, 6 * Math.sqrt(96.0 / n));
        // P(|X| > 3) = 0.0026998.
        double tail = 0.0026998;
        assertEquals(tail, (double) beyond3 / n, 6 * Math.sqrt(tail / n));
    }

    @Test
    void reportNoiseHasTheCalibratedVariance() {
        ContributionPolicy policy = new ContributionPolicy(2, 1e-6, 1.5, 16, 0.5, java.util.List.of(1.0, 2.0), 10, 60);
        double sigma = policy.sigma(2);
        double[] clipped = new double[16];
        clipped[3] = 1.5;
        GaussianNoise noise = new GaussianNoise(RANDOM::nextBytes);
        int reports = 40_000;
        double[] sum = new double[16];
        double sq = 0;
        for (int r = 0; r < reports; r++) {
            float[] v = Contribution.noised(clipped, sigma, noise);
            for (int i = 0; i < 16; i++) {
                double e = v[i] - clipped[i];
                sum[i] += e;
                sq += e * e;
            }
        }
        int n = reports * 16;
        assertEquals(sigma * sigma, sq / n, 6 * sigma * sigma * Math.sqrt(2.0 / n));
        for (int i = 0; i < 16; i++) {
            assertEquals(0, sum[i] / reports, 6 * sigma / Math.sqrt(reports));
        }
    }

    @Test
    void drawsComeFromTheSourceAlone() {
        // The same bytes give the same draws: nothing else (no Math.random) enters.
        java.util.Random seeded = new java.util.Random(7);
        java.util.Random again = new java.util.Random(7);
        GaussianNoise a = new GaussianNoise(seeded::nextBytes);
        GaussianNoise b = new GaussianNoise(again::nextBytes);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.next(), b.next());
        }
        assertTrue(Double.isFinite(new GaussianNoise(bytes -> { }).next()), "all-zero bytes give a finite draw");
    }
}
