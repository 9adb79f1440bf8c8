package privrec.client.vault;

import java.util.ArrayList;
import java.util.List;

import privrec.core.privacy.PrivacyAccountant;

/**
 * A profile's opt-in contribution settings and ledger (docs/contributions.md), kept in the encrypted vault.
 * Immutable; the {@code with...} methods return a new value.
 *
 * @param optedIn  whether the user chose to contribute; false by default and for every vault written before
 *                 contributions existed
 * @param epsilon  the ε the user chose, or 0 for "the release's default"
 * @param spends   the privacy accountant's record: one spend per report made (kept when a report is cancelled or
 *                 dropped: its noise was drawn, and the values were shown to the user)
 * @param pending  reports made but not sent yet, each with its exact bytes and the time it may be sent
 * @param outcomes what became of each report that left the pending list (sent, refused, cancelled)
 */
public record ContributionLedger(boolean optedIn, double epsilon, List<PrivacyAccountant.Spend> spends,
                                 List<PendingReport> pending, List<Outcome> outcomes) {
    public static final ContributionLedger OFF = new ContributionLedger(false, 0, List.of(), List.of(), List.of());

    /** A report waiting to be sent: its release, the exact bytes to POST and the earliest time to send them. */
    public record PendingReport(String release, byte[] bytes, double sendAfterMillis) {
        public PendingReport {
            if (release == null || release.isEmpty() || bytes == null) {
                throw new IllegalArgumentException("a pending report needs a release and bytes");
            }
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PendingReport p && p.release.equals(release) && java.util.Arrays.equals(p.bytes, bytes)
                    && p.sendAfterMillis == sendAfterMillis;
        }

        @Override
        public int hashCode() {
            return release.hashCode() * 31 + java.util.Arrays.hashCode(bytes);
        }

        public PendingReport sendingAfter(double millis) {
            return new PendingReport(release, bytes, millis);
        }
    }

    /**
     * What became of a report: "sent" (the server accepted it), "refused" (the server answered {@code status}),
     * "cancelled" (by the user before it was sent) or "stopped" (the user opted out while it was pending).
     */
    public record Outcome(String release, String what, int status, double atMillis) {
    }

    public ContributionLedger {
        spends = List.copyOf(spends == null ? List.of() : spends);
        pending = List.copyOf(pending == null ? List.of() : pending);
        outcomes = List.copyOf(outcomes == null ? List.of() : outcomes);
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be 0 (the default) or positive");
        }
    }

    public PrivacyAccountant accountant() {
        return new PrivacyAccountant(spends);
    }

    public PendingReport pendingFor(String release) {
        for (PendingReport p : pending) {
            if (p.release().equals(release)) {
                return p;
            }
        }
        return null;
    }

    public ContributionLedger withOptedIn(boolean on) {
        return new ContributionLedger(on, epsilon, spends, pending, outcomes);
    }

    public ContributionLedger withEpsilon(double chosen) {
        return new ContributionLedger(optedIn, chosen, spends, pending, outcomes);
    }

    /** The spend and its pending report together: one write records both. */
    public ContributionLedger withReport(PrivacyAccountant.Spend spend, PendingReport report) {
        List<PrivacyAccountant.Spend> s = new ArrayList<>(spends);
        s.add(spend);
        List<PendingReport> p = new ArrayList<>(pending);
        p.add(report);
        return new ContributionLedger(optedIn, epsilon, s, p, outcomes);
    }

    /** Replaces the pending report of the same release (a new send time after a network failure). */
    public ContributionLedger withPending(PendingReport report) {
        List<PendingReport> p = new ArrayList<>(pending);
        p.removeIf(r -> r.release().equals(report.release()));
        p.add(report);
        return new ContributionLedger(optedIn, epsilon, spends, p, outcomes);
    }

    /** The release's pending report is gone for good, for the reason {@code outcome} records. */
    public ContributionLedger withoutPending(String release, Outcome outcome) {
        List<PendingReport> p = new ArrayList<>(pending);
        boolean removed = p.removeIf(r -> r.release().equals(release));
        if (!removed) {
            return this;
        }
        List<Outcome> o = new ArrayList<>(outcomes);
        o.add(outcome);
        return new ContributionLedger(optedIn, epsilon, spends, p, o);
    }

    /** Opting out: off, and every pending report deleted (recorded as stopped); the spends stay. */
    public ContributionLedger optedOut(double nowMillis) {
        List<Outcome> o = new ArrayList<>(outcomes);
        for (PendingReport p : pending) {
            o.add(new Outcome(p.release(), "stopped", 0, nowMillis));
        }
        return new ContributionLedger(false, epsilon, spends, List.of(), o);
    }
}
