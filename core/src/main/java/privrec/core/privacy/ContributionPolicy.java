package privrec.core.privacy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import privrec.core.FormatException;
import privrec.core.Manifest;

/**
 * The operator's terms for contributions to one release, the manifest's {@code contributions} object
 * (docs/contributions.md). A report is the user's history projected on the release's item basis, clipped to L2
 * norm {@link #clip} and noised with the Gaussian mechanism for a user-level change: replacing one user's data by
 * another's moves the clipped vector by at most 2C, so the sensitivity is {@code 2·clip}.
 *
 * @param epsilon         the operator's default ε per report
 * @param delta           δ per report
 * @param clip            C, the L2 bound on the projection before noise
 * @param rank            k, the report's length (the basis's rank)
 * @param inputPower      the power the model raises history weights to (the projection uses the same)
 * @param epsilons        the ε values a user may choose, each at most {@code epsilon}; a report with another ε is
 *                        refused, so the server can compute every report's σ
 * @param minReports      fewest reports {@code trainer aggregate} uses
 * @param maxDelaySeconds a report is sent at a uniformly random time up to this long after it is made
 */
public record ContributionPolicy(double epsilon, double delta, double clip, int rank, double inputPower,
                                 List<Double> epsilons, int minReports, int maxDelaySeconds) {

    public ContributionPolicy {
        epsilons = Collections.unmodifiableList(new ArrayList<>(epsilons));
        if (!(epsilon > 0) || Double.isInfinite(epsilon) || !(delta > 0 && delta < 1) || !(clip > 0)
                || Double.isInfinite(clip) || rank < 1 || !(inputPower > 0) || minReports < 1
                || maxDelaySeconds < 0) {
            throw new FormatException("contributions: epsilon, delta, clip, rank, inputPower, minReports or "
                    + "maxDelaySeconds out of range");
        }
        if (!epsilons.contains(epsilon)) {
            throw new FormatException("contributions: the default epsilon " + epsilon + " is not in epsilons");
        }
        for (double e : epsilons) {
            if (!(e > 0) || e > epsilon) {
                throw new FormatException("contributions: a user's epsilon must be in (0, " + epsilon + "], not " + e);
            }
        }
    }

    /** L2 sensitivity of a report for a user-level change: 2C. */
    public double sensitivity() {
        return 2 * clip;
    }

    /** Noise standard deviation per coordinate at this ε. */
    public double sigma(double chosenEpsilon) {
        return GaussianMechanism.sigma(chosenEpsilon, delta, sensitivity());
    }

    /** Whether a user may report at this ε (compared as the report stores it, float32). */
    public boolean allows(double chosenEpsilon) {
        for (double e : epsilons) {
            if ((float) e == (float) chosenEpsilon) {
                return true;
            }
        }
        return false;
    }

    /** The listed ε equal to a report's float32 ε. */
    public double listedEpsilon(float reported) {
        for (double e : epsilons) {
            if ((float) e == reported) {
                return e;
            }
        }
        throw new IllegalArgumentException("epsilon " + reported + " is not offered");
    }

    /**
     * The largest L2 norm a genuine report has, but for a chance below e^-50: the clipped vector's C plus the
     * noise's norm, which exceeds σ(√k + t) with probability at most e^(−t²/2) (Gaussian concentration of a
     * 1-Lipschitz function, E‖N‖ ≤ σ√k), t = 10.
     */
    public double maxNorm(double chosenEpsilon) {
        return clip + sigma(chosenEpsilon) * (Math.sqrt(rank) + 10);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epsilon", epsilon);
        m.put("delta", delta);
        m.put("clip", clip);
        m.put("rank", rank);
        m.put("inputPower", inputPower);
        m.put("epsilons", new ArrayList<Object>(epsilons));
        m.put("minReports", minReports);
        m.put("maxDelaySeconds", maxDelaySeconds);
        return m;
    }

    /** The manifest's terms, or null when the release accepts no contributions. */
    public static ContributionPolicy of(Manifest manifest) {
        return manifest.contributions().isEmpty() ? null : fromJson(manifest.contributions(), "manifest.json");
    }

    /** Parses the manifest's object; every missing or mistyped field is named. */
    public static ContributionPolicy fromJson(Map<String, Object> m, String source) {
        List<Double> epsilons = new ArrayList<>();
        Object list = m.get("epsilons");
        if (!(list instanceof List<?> values)) {
            throw new FormatException(source + ": contributions.epsilons must be an array");
        }
        for (Object v : values) {
            epsilons.add(number(v, source, "epsilons[]"));
        }
        return new ContributionPolicy(number(m.get("epsilon"), source, "epsilon"),
                number(m.get("delta"), source, "delta"), number(m.get("clip"), source, "clip"),
                whole(m.get("rank"), source, "rank"), number(m.get("inputPower"), source, "inputPower"), epsilons,
                whole(m.get("minReports"), source, "minReports"),
                whole(m.get("maxDelaySeconds"), source, "maxDelaySeconds"));
    }

    private static double number(Object v, String source, String field) {
        if (!(v instanceof Number n)) {
            throw new FormatException(source + ": contributions." + field + " must be a number");
        }
        return n.doubleValue();
    }

    private static int whole(Object v, String source, String field) {
        if (!(v instanceof Integer i)) {
            throw new FormatException(source + ": contributions." + field + " must be a whole number");
        }
        return i;
    }
}
