package privrec.core.privacy;

import privrec.core.FormatException;
import privrec.core.Manifest;

/**
 * What the server checks before it stores a report, against the release it currently serves: the exact size,
 * the magic, finite values, the current release, an offered ε, and a norm no genuine report of that ε exceeds
 * ({@link ContributionPolicy#maxNorm}). Replays and rate limits are the server's own business.
 */
public final class ContributionCheck {
    /** Why a report is refused. */
    public enum Reason { DISABLED, MALFORMED, STALE_RELEASE, EPSILON, NORM }

    /** A refused report, with a one-line reason that the server can answer with. */
    public static final class Refused extends RuntimeException {
        private final Reason reason;

        public Refused(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private ContributionCheck() {
    }

    public static ContributionReport check(byte[] body, Manifest current) {
        ContributionPolicy policy;
        try {
            policy = ContributionPolicy.of(current);
        } catch (FormatException e) {
            throw new Refused(Reason.DISABLED, "this release's contribution terms are unreadable: " + e.getMessage());
        }
        if (policy == null) {
            throw new Refused(Reason.DISABLED, "this release does not accept contributions");
        }
        ContributionReport report;
        try {
            report = ContributionReport.decode(body, policy.rank());
        } catch (FormatException e) {
            throw new Refused(Reason.MALFORMED, e.getMessage());
        }
        if (!report.release().equals(current.modelId())) {
            throw new Refused(Reason.STALE_RELEASE, "the report is for release " + report.release()
                    + ", the current release is " + current.modelId());
        }
        if (!policy.allows(report.epsilon())) {
            throw new Refused(Reason.EPSILON, "epsilon " + report.epsilon() + " is not offered (offered: "
                    + policy.epsilons() + ")");
        }
        double limit = policy.maxNorm(policy.listedEpsilon(report.epsilon()));
        if (report.squaredNorm() > limit * limit) {
            throw new Refused(Reason.NORM, "the report's norm exceeds " + limit);
        }
        return report;
    }
}
