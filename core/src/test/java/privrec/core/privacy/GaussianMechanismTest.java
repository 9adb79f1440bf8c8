package privrec.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaussianMechanismTest {

    /**
     * The hockey-stick divergence of N(0, σ²) from N(Δ, σ²) at e^ε, by direct numerical integration of
     * ∫ max(0, p(x) − e^ε q(x)) dx: the definition of the δ a Gaussian release achieves, independent of the
     * closed form the mechanism solves.
     */
    private static double integratedDelta(double sigma, double sensitivity, double epsilon) {
        int steps = 400_000;
        double lo = -40 * sigma;
        double hi = sensitivity + 40 * sigma;
        double h = (hi - lo) / steps;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double x = lo + i * h;
            double p = Math.exp(-x * x / (2 * sigma * sigma));
            double q = Math.exp(epsilon - (x - sensitivity) * (x - sensitivity) / (2 * sigma * sigma));
            double f = Math.max(0, p - q) / (sigma * Math.sqrt(2 * Math.PI));
            sum += (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2) * f;
        }
        return sum * h / 3;
    }

    @Test
    void calibratedSigmaMeetsDeltaExactlyByTheDefinition() {
        for (double epsilon : new double[]{0.5, 1, 2, 4, 8}) {
            for (double delta : new double[]{1e-5, 1e-6}) {
                double sigma = GaussianMechanism.sigma(epsilon, delta, 2.0);
                double achieved = integratedDelta(sigma, 2.0, epsilon);
                assertEquals(delta, achieved, delta * 1e-3, "ε=" + epsilon + " δ=" + delta + " σ=" + sigma);
                // 1 % less noise is no longer enough: σ is the smallest.
                assertTrue(integratedDelta(sigma * 0.99, 2.0, epsilon) > delta * 1.01);
            }
        }
    }

    @Test
    void isTighterThanTheClassicBoundWhereThatHolds() {
        for (double epsilon : new double[]{0.1, 0.5, 1}) {
            double classic = Math.sqrt(2 * Math.log(1.25 / 1e-6)) / epsilon;
            double analytic = GaussianMechanism.sigma(epsilon, 1e-6, 1);
            assertTrue(analytic < classic, epsilon + ": " + analytic + " vs " + classic);
        }
    }

    @Test
    void scalesWithSensitivity() {
        assertEquals(3 * GaussianMechanism.sigma(1, 1e-6, 1), GaussianMechanism.sigma(1, 1e-6, 3), 1e-9);
    }

    @Test
    void normalDistributionFunction() {
        assertEquals(0.5, GaussianMechanism.normalCdf(0), 1e-7);
        assertEquals(0.8413447461, GaussianMechanism.normalCdf(1), 1e-7);
        assertEquals(0.0227501319, GaussianMechanism.normalCdf(-2), 1e-8);
        // Far tail: Φ(−30) = 4.906713927e-198, only representable as a logarithm's exponent.
        assertEquals(Math.log(4.906713927e-198), GaussianMechanism.logNormalCdf(-30), 1e-5);
    }
}
