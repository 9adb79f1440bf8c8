package privrec.core.privacy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The privacy a profile has spent on contributions, one {@link Spend} per report sent. Two valid bounds on the
 * composed loss are computed and the smaller is shown:
 * <ul>
 *   <li>basic composition: (Σε_i, Σδ_i);</li>
 *   <li>zero-concentrated DP (Bun and Steinke, TCC 2016): a Gaussian report with noise σ for sensitivity Δ is
 *       ρ-zCDP with ρ = Δ²/(2σ²) (Proposition 1.6), ρ adds up over reports (Lemma 1.7), and ρ-zCDP implies
 *       (ρ + 2√(ρ ln(1/δ)), δ)-DP for every δ > 0 (Proposition 1.3), taken at the same total δ = Σδ_i.</li>
 * </ul>
 * For one report basic composition is tighter (it is the mechanism's own (ε, δ)); over many, zCDP grows like √n
 * instead of n.
 */
public final class PrivacyAccountant {
    /** One report: the release it belonged to, its (ε, δ) and its zCDP ρ. */
    public record Spend(String release, double epsilon, double delta, double rho) {
    }

    /** A composed bound: (ε, δ)-DP over every report so far, and which composition gave it. */
    public record Total(double epsilon, double delta, String composition) {
    }

    private final List<Spend> spends = new ArrayList<>();

    public PrivacyAccountant(List<Spend> spends) {
        this.spends.addAll(spends);
    }

    public List<Spend> spends() {
        return Collections.unmodifiableList(spends);
    }

    /** Whether a report for this release was already counted (a profile sends at most one per release). */
    public boolean hasSpent(String release) {
        for (Spend s : spends) {
            if (s.release().equals(release)) {
                return true;
            }
        }
        return false;
    }

    /** Records one report sent with noise σ for the policy's sensitivity at the chosen ε. */
    public Spend spend(String release, ContributionPolicy policy, double epsilon) {
        if (hasSpent(release)) {
            throw new IllegalStateException("a report for release " + release + " was already made");
        }
        Spend s = new Spend(release, epsilon, policy.delta(),
                GaussianMechanism.rho(policy.sigma(epsilon), policy.sensitivity()));
        spends.add(s);
        return s;
    }

    /** The smaller of the two composed bounds; (0, 0) before any report. */
    public Total total() {
        if (spends.isEmpty()) {
            return new Total(0, 0, "none");
        }
        double epsilon = 0;
        double delta = 0;
        double rho = 0;
        for (Spend s : spends) {
            epsilon += s.epsilon();
            delta += s.delta();
            rho += s.rho();
        }
        double zcdp = rho + 2 * Math.sqrt(rho * Math.log(1 / delta));
        return zcdp < epsilon ? new Total(zcdp, delta, "zCDP") : new Total(epsilon, delta, "basic");
    }
}
