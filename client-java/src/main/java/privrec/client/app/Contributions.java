package privrec.client.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import privrec.client.vault.ContributionLedger;
import privrec.client.vault.VaultContents;
import privrec.core.Encoder;
import privrec.core.Manifest;
import privrec.core.privacy.BasisRows;
import privrec.core.privacy.Contribution;
import privrec.core.privacy.ContributionPolicy;
import privrec.core.privacy.ContributionReport;
import privrec.core.privacy.GaussianNoise;
import privrec.core.privacy.NoiseSource;
import privrec.core.privacy.PrivacyAccountant;

/**
 * Opt-in private contributions (docs/contributions.md), without the DOM. Off by default. For an opted-in profile,
 * when a release with contribution terms is loaded and the accountant has no spend for it and the profile has a
 * rating that enters the history row: the report is made (core's {@link Contribution}: projection on the release's
 * basis, clipping, Gaussian noise from crypto randomness), its spend and the pending report are written in one
 * vault update, and it is sent once at a uniformly random time up to {@code maxDelaySeconds} later.
 *
 * <ul>
 *   <li>2xx, or any 4xx (409: the server has it already; 410: the release is no longer current): done, never sent
 *       again;</li>
 *   <li>no answer, or a 5xx: kept pending and tried again after the next unlock, at a fresh random delay (the
 *       same bytes: a resend reveals nothing new);</li>
 *   <li>a pending report whose time passed while no session was open is sent at a fresh random delay after unlock,
 *       not at unlock;</li>
 *   <li>cancelling removes the report unsent, but keeps its spend: the noise was drawn and the values shown, so
 *       the accountant counts it (and no second report is made for that release);</li>
 *   <li>opting out deletes every pending report and cancels every timer at once.</li>
 * </ul>
 * Without {@link ContributionServices} (or for a profile that never opts in) nothing is made, scheduled or sent.
 */
public final class Contributions {
    /** Settings key: the one-time offer after onboarding was answered or dismissed. */
    static final String OFFER_DONE = "contributionOfferDone";

    private final AppContext context;
    private ContributionServices services;
    private final Map<String, Timers.Scheduled> timers = new HashMap<>();
    /** Releases whose send failed for want of an answer in this session: retried after the next unlock. */
    private final Set<String> failedThisSession = new HashSet<>();

    Contributions(AppContext context) {
        this.context = context;
    }

    /** Connects the browser's channel, timers and randomness; without them nothing is ever made or sent. */
    public void connect(ContributionServices services) {
        this.services = services;
    }

    /** The loaded release's terms, or null when it has none or no model is ready. */
    public ContributionPolicy policy() {
        Manifest manifest = context.model.isReady() ? context.model.manifest() : null;
        if (manifest == null) {
            return null;
        }
        try {
            return ContributionPolicy.of(manifest);
        } catch (RuntimeException e) {
            return null; // malformed terms: the release takes no contributions from this app
        }
    }

    private String release() {
        return context.model.isReady() ? context.model.manifest().modelId() : null;
    }

    private ContributionLedger ledger() {
        Session s = context.session;
        return s == null ? ContributionLedger.OFF : s.contents().contributions();
    }

    public ContributionStatus status() {
        ContributionPolicy policy = policy();
        ContributionLedger ledger = ledger();
        List<ContributionStatus.Pending> pending = new ArrayList<>();
        for (ContributionLedger.PendingReport p : ledger.pending()) {
            byte[] bytes = p.bytes();
            ContributionReport report = ContributionReport.decode(bytes,
                    (bytes.length - ContributionReport.HEADER_BYTES) / 4);
            pending.add(new ContributionStatus.Pending(p.release(), report.epsilon(), report.values(), bytes.length,
                    p.sendAfterMillis()));
        }
        boolean offer = context.session != null && policy != null && !ledger.optedIn()
                && !"true".equals(context.session.contents().settings().get(OFFER_DONE));
        return new ContributionStatus(release(), policy, ledger.optedIn(), chosenEpsilon(policy, ledger),
                ledger.accountant().total(), ledger.spends(), pending, ledger.outcomes(), offer);
    }

    private static double chosenEpsilon(ContributionPolicy policy, ContributionLedger ledger) {
        if (policy == null) {
            return ledger.epsilon();
        }
        return ledger.epsilon() > 0 && policy.allows(ledger.epsilon()) ? ledger.epsilon() : policy.epsilon();
    }

    /** The one-time offer was answered without opting in ("No thanks"). */
    public void dismissOffer() {
        context.requireSession().applyKeepingUndo(Edits.setting(OFFER_DONE, "true"));
        context.changed();
    }

    /**
     * Opts in (a report for the loaded release is made at once when due) or out (every pending report deleted,
     * every timer cancelled, nothing more sent).
     */
    public void setOptedIn(boolean on) {
        Session s = context.requireSession();
        if (on) {
            s.applyKeepingUndo(current -> current.withSetting(OFFER_DONE, "true")
                    .withContributions(current.contributions().withOptedIn(true)));
            context.changed();
            afterChange();
        } else {
            cancelTimers();
            double now = context.clock.nowMillis();
            s.applyKeepingUndo(current -> current.withSetting(OFFER_DONE, "true")
                    .withContributions(current.contributions().optedOut(now)));
            context.changed();
        }
    }

    /** Chooses the ε of future reports: one of the release's {@link ContributionPolicy#epsilons()}. */
    public void setEpsilon(double epsilon) {
        ContributionPolicy policy = policy();
        if (policy == null || !policy.allows(epsilon)) {
            throw new UserError("This model release does not offer that privacy level.");
        }
        double listed = policy.listedEpsilon((float) epsilon);
        context.requireSession().applyKeepingUndo(current ->
                current.withContributions(current.contributions().withEpsilon(listed)));
        context.changed();
    }

    /** Removes a pending report unsent. Its spend stays in the accountant (the noise was drawn). */
    public void cancelPending(String release) {
        Timers.Scheduled t = timers.remove(release);
        if (t != null) {
            t.cancel();
        }
        double now = context.clock.nowMillis();
        context.requireSession().applyKeepingUndo(current -> current.withContributions(current.contributions()
                .withoutPending(release, new ContributionLedger.Outcome(release, "cancelled", 0, now))));
        context.changed();
    }

    /** A profile was unlocked: a fresh session, so reports that could not be sent before may be tried again. */
    void sessionStarted() {
        cancelTimers();
        failedThisSession.clear();
        if (wanted()) {
            context.background.accept(this::afterChange);
        }
    }

    /** The profile was locked: nothing is sent while no profile is open. */
    void sessionEnded() {
        cancelTimers();
    }

    /** The model (and with it the release) is ready, or the profile's data changed in another tab. */
    void modelOrDataChanged() {
        if (wanted() || !timers.isEmpty()) {
            context.background.accept(this::afterChange);
        }
    }

    /** Services connected and the open profile opted in: only then is there anything to do. */
    private boolean wanted() {
        Session s = context.session;
        return services != null && s != null && s.contents().contributions().optedIn();
    }

    /**
     * Makes the loaded release's report when it is due, then schedules every pending report. Does nothing without
     * services, a session, or an opt-in. Safe to call again: a release has at most one spend and one timer.
     */
    public void afterChange() {
        Session s = context.session;
        if (services == null || s == null || !s.contents().contributions().optedIn()) {
            cancelTimers(); // e.g. another tab opted out
            return;
        }
        try {
            makeReportIfDue(s);
            schedulePending(s);
        } catch (RuntimeException e) {
            // A vault write failed (full, locked meanwhile, another tab): nothing was spent, nothing sent; the next
            // unlock or model load tries again.
        }
    }

    private void makeReportIfDue(Session s) {
        ContributionPolicy policy = policy();
        BasisRows basis = context.basis;
        String release = release();
        if (policy == null || basis == null || release == null || basis.rank() != policy.rank()
                || basis.itemCount() != context.model.catalog().size()) {
            return;
        }
        if (s.contents().contributions().accountant().hasSpent(release) || !hasHistory(s.contents())) {
            return;
        }
        NoiseSource random = services.random();
        double delay = GaussianNoise.uniform(random) * policy.maxDelaySeconds() * 1000;
        double now = context.clock.nowMillis();
        // Decided again on the freshest stored contents under the vault's cross-tab lock, so two tabs make one
        // report: the spend and the pending report are one write.
        s.applyKeepingUndo(current -> {
            ContributionLedger ledger = current.contributions();
            if (!ledger.optedIn() || ledger.accountant().hasSpent(release) || !hasHistory(current)) {
                return current;
            }
            double epsilon = chosenEpsilon(policy, ledger);
            float[] history = Encoder.encodeHistory(current.coreRatings(), context.model.catalog());
            ContributionReport report = Contribution.report(release, policy, epsilon, history, basis, random);
            PrivacyAccountant.Spend spend = ledger.accountant().spend(release, policy, epsilon);
            return current.withContributions(ledger.withReport(spend,
                    new ContributionLedger.PendingReport(release, report.encode(), now + delay)));
        });
        context.changed();
    }

    private boolean hasHistory(VaultContents contents) {
        for (privrec.client.vault.RatedMovie r : contents.ratings()) {
            if (Encoder.historyWeight(r.stars()) > 0 && context.model.catalog().byId(r.movieId()) != null) {
                return true;
            }
        }
        return false;
    }

    private void schedulePending(Session s) {
        ContributionPolicy policy = policy();
        int maxDelay = policy == null ? 0 : policy.maxDelaySeconds();
        double now = context.clock.nowMillis();
        for (ContributionLedger.PendingReport p : s.contents().contributions().pending()) {
            if (timers.containsKey(p.release()) || failedThisSession.contains(p.release())) {
                continue;
            }
            double at = p.sendAfterMillis();
            if (at <= now) {
                // Its time passed while no session was open: a fresh random delay from now, never at unlock.
                double fresh = now + GaussianNoise.uniform(services.random()) * maxDelay * 1000;
                String release = p.release();
                s.applyKeepingUndo(current -> {
                    ContributionLedger.PendingReport still = current.contributions().pendingFor(release);
                    return still == null ? current
                            : current.withContributions(current.contributions().withPending(still.sendingAfter(fresh)));
                });
                at = fresh;
            }
            String release = p.release();
            timers.put(release, services.timers().schedule(Math.max(0, at - now),
                    () -> context.background.accept(() -> send(release))));
        }
    }

    /** The timer of {@code release} fired: send its pending report once, if it is still pending and wanted. */
    void send(String release) {
        timers.remove(release);
        Session s = context.session;
        if (services == null || s == null) {
            return;
        }
        try {
            s.reload(); // another tab may have sent, cancelled or opted out meanwhile
        } catch (RuntimeException e) {
            return;
        }
        ContributionLedger ledger = s.contents().contributions();
        ContributionLedger.PendingReport report = ledger.pendingFor(release);
        if (!ledger.optedIn() || report == null) {
            return;
        }
        int status;
        try {
            status = services.channel().post(report.bytes());
        } catch (RuntimeException e) {
            failedThisSession.add(release);
            context.changed();
            return;
        }
        if (status >= 500 || status < 200 || (status >= 300 && status < 400)) {
            failedThisSession.add(release); // the server could not take it now: a later session tries again
            context.changed();
            return;
        }
        double now = context.clock.nowMillis();
        String what = status < 300 ? "sent" : "refused";
        try {
            s.applyKeepingUndo(current -> current.withContributions(current.contributions()
                    .withoutPending(release, new ContributionLedger.Outcome(release, what, status, now))));
        } catch (RuntimeException e) {
            // Not recorded (storage full?): the next session sends the same bytes again, which reveals nothing new.
        }
        context.changed();
    }

    /** Whether a send of this release failed in this session (shown as "will be tried again after unlock"). */
    public boolean failedThisSession(String release) {
        return failedThisSession.contains(release);
    }

    /** Releases with a send scheduled now (for tests and the view). */
    public Set<String> scheduled() {
        return java.util.Collections.unmodifiableSet(new HashSet<>(timers.keySet()));
    }

    private void cancelTimers() {
        for (Timers.Scheduled t : timers.values()) {
            t.cancel();
        }
        timers.clear();
    }
}
