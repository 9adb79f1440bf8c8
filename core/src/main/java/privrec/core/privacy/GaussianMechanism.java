package privrec.core.privacy;

/**
 * Calibrates the Gaussian mechanism: the smallest noise σ for which adding {@code N(0, σ²I)} to a vector of
 * L2 sensitivity Δ is (ε, δ)-differentially private, by the exact condition of the <em>analytic</em> Gaussian
 * mechanism (Balle and Wang, "Improving the Gaussian Mechanism for Differential Privacy", ICML 2018, Theorem 8):
 *
 * <pre>  Φ(Δ/(2σ) − εσ/Δ) − e^ε · Φ(−Δ/(2σ) − εσ/Δ) ≤ δ</pre>
 *
 * The classic bound {@code σ = Δ·√(2 ln(1.25/δ))/ε} is only proven for ε ≤ 1 and is loose; this condition is
 * necessary and sufficient for every ε > 0, so the same code serves ε = 0.5 and ε = 8. The left side falls as σ
 * grows; σ is found by bisection on it, with Φ evaluated in log space so that {@code e^ε · Φ(·)} stays finite.
 *
 * <p>Plain Java (no library) because the browser runs this same code after TeaVM compiles it.
 */
public final class GaussianMechanism {
    private GaussianMechanism() {
    }

    /** The smallest σ (to a relative 1e-9) meeting (ε, δ) for sensitivity Δ. */
    public static double sigma(double epsilon, double delta, double sensitivity) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be a positive number, not " + epsilon);
        }
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), not " + delta);
        }
        if (!(sensitivity > 0) || Double.isInfinite(sensitivity)) {
            throw new IllegalArgumentException("sensitivity must be a positive number, not " + sensitivity);
        }
        // In units of Δ: the condition depends on σ/Δ only.
        double lo = 1e-6;
        double hi = 1;
        while (privacyLoss(hi, epsilon) > delta) {
            hi *= 2;
        }
        while (hi / lo > 1 + 1e-9) {
            double mid = Math.sqrt(lo * hi);
            if (privacyLoss(mid, epsilon) > delta) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi * sensitivity;
    }

    /**
     * The δ that noise {@code σ = ratio · Δ} achieves at ε: the left side of the condition above. Falls as the
     * ratio grows.
     */
    public static double privacyLoss(double ratio, double epsilon) {
        double a = 1 / (2 * ratio);
        double b = epsilon * ratio;
        double first = normalCdf(a - b);
        double second = Math.exp(epsilon + logNormalCdf(-a - b));
        return Math.max(0, first - second);
    }

    /** zCDP parameter ρ = Δ²/(2σ²) of one Gaussian release (Bun and Steinke, TCC 2016, Proposition 1.6). */
    public static double rho(double sigma, double sensitivity) {
        double ratio = sigma / sensitivity;
        return 1 / (2 * ratio * ratio);
    }

    /** Φ(x), the standard normal distribution function. */
    public static double normalCdf(double x) {
        return x >= 0 ? 1 - 0.5 * erfc(x / Math.sqrt(2)) : Math.exp(logNormalCdf(x));
    }

    /** ln Φ(x), accurate far into the lower tail (where Φ underflows). */
    public static double logNormalCdf(double x) {
        if (x >= 0) {
            return Math.log(normalCdf(x));
        }
        // Φ(x) = erfc(−x/√2)/2 for x < 0.
        return Math.log(0.5) + logErfc(-x / Math.sqrt(2));
    }

    private static double erfc(double z) {
        return Math.exp(logErfc(z));
    }

    /**
     * ln erfc(z) for z ≥ 0 by the Chebyshev fit of Numerical Recipes ({@code erfcc}, fractional error below
     * 1.2e-7 everywhere), whose form {@code t·exp(−z² + P(t))} gives the logarithm without underflow.
     */
    private static double logErfc(double z) {
        double t = 1 / (1 + 0.5 * z);
        double p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277))))))));
        return Math.log(t) - z * z + p;
    }
}
