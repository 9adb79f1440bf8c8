package privrec.client.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import privrec.client.vault.ContributionLedger;
import privrec.client.vault.RatedMovie;
import privrec.core.Catalog;
import privrec.core.Encoder;
import privrec.core.Manifest;
import privrec.core.privacy.BasisChunk;
import privrec.core.privacy.BasisRows;
import privrec.core.privacy.ByteSource;
import privrec.core.privacy.ContributionPolicy;
import privrec.core.privacy.ContributionReport;
import privrec.core.privacy.PrivacyAccountant;

/**
 * Opt-in contributions without the DOM: off by default, one report per release (spend and pending report in one
 * write), sent once at its random time, cancelled and opted-out reports never sent, network failures retried
 * after the next unlock at a fresh delay, and the accountant's totals.
 */
class ContributionsTest {
    static final int RANK = 4;
    static final int MAX_DELAY_SECONDS = 60;

    private final InMemoryVaults vaults = new InMemoryVaults();
    private final double[] now = {1_700_000_000_000.0};
    private final List<NetworkLog.Request> requests = new ArrayList<>();
    private final FakeTimers timers = new FakeTimers();
    private final List<byte[]> posted = new ArrayList<>();
    /** What the fake server answers next; null: no answer (network failure). */
    private Integer answer = 204;
    private final Catalog catalog = Fixtures.catalog();
    private App app;

    /** Timers the test fires by hand. */
    static final class FakeTimers implements Timers {
        record Entry(double delay, Runnable task, boolean[] cancelled) {
        }

        final List<Entry> entries = new ArrayList<>();

        @Override
        public Scheduled schedule(double delayMillis, Runnable task) {
            Entry e = new Entry(delayMillis, task, new boolean[1]);
            entries.add(e);
            return () -> e.cancelled()[0] = true;
        }

        List<Entry> live() {
            return entries.stream().filter(e -> !e.cancelled()[0]).toList();
        }

        /** Fires every live timer once (as setTimeout would when its time comes). */
        void fireAll() {
            List<Entry> due = live();
            entries.removeAll(due);
            for (Entry e : due) {
                e.task().run();
            }
        }
    }

    static Map<String, Object> terms(int maxDelaySeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epsilon", 2.0);
        m.put("delta", 1e-6);
        m.put("clip", 1.5);
        m.put("rank", RANK);
        m.put("inputPower", 0.5);
        m.put("epsilons", List.of(0.5, 1.0, 2.0));
        m.put("minReports", 10);
        m.put("maxDelaySeconds", maxDelaySeconds);
        return m;
    }

    static Manifest manifest(String id, Map<String, Object> contributions) {
        return new Manifest(Manifest.FORMAT_VERSION, Encoder.VERSION, id, "test", "test", "2026-11-01",
                "model-x.onnx", List.of("basis-x.bin"), List.of("catalog-x.tsv"), List.of(), "basis-x.bin", null, 6,
                List.of(), List.of(), Encoder.PROFILE_FEATURES, List.of(), Map.of(), Map.of(), contributions);
    }

    /** A 6-row, rank-4 basis chunk laid out as the trainer writes it (row scale 1/64, codes −127…127). */
    static BasisRows basis() {
        int rows = 6;
        int[] at = BasisChunk.offsets(rows, RANK);
        ByteBuffer b = ByteBuffer.allocate(at[3]).order(ByteOrder.LITTLE_ENDIAN);
        b.put("PRB1".getBytes()).putInt(rows).putInt(RANK).putInt(6).putInt(0);
        b.position(at[0]);
        for (int j = 0; j < rows * RANK; j++) {
            b.put((byte) ((j * 37) % 255 - 127));
        }
        b.position(at[1]);
        for (int j = 0; j < rows; j++) {
            b.putShort((short) 0x3c00); // 1.0 · 2^-6
        }
        return BasisChunk.join(List.of(BasisChunk.parse(ByteSource.of(b.array()), "basis-x.bin")));
    }

    @BeforeEach
    void setUp() {
        app = new App(vaults, () -> now[0], () -> requests);
        app.contributions().connect(new ContributionServices(body -> {
            if (answer == null) {
                throw new ReportChannel.NetworkFailure("offline");
            }
            posted.add(body);
            return answer;
        }, timers, new SecureRandom()::nextBytes));
    }

    private void loadRelease(String id, int maxDelaySeconds) {
        app.modelReady(manifest(id, terms(maxDelaySeconds)), catalog, Fixtures.scorer(catalog), Set.of(), null,
                () -> { }, basis());
    }

    private void createAndRate() {
        app.session().create("anna", "password1", "password1");
        app.edits().rate(Fixtures.ALIEN, 5f);
        app.edits().rate(Fixtures.HEAT, 4f);
    }

    private ContributionLedger ledger() {
        return vaults.stored.get("anna").contents.contributions();
    }

    @Test
    void offByDefaultNothingIsMadeScheduledOrSent() {
        loadRelease("rel-1", MAX_DELAY_SECONDS);
        createAndRate();
        ContributionStatus status = app.contributions().status();
        assertTrue(status.available());
        assertFalse(status.optedIn());
        assertTrue(status.offerPending(), "offered once after onboarding");
        assertEquals(2.0, status.epsilon(), "the operator's default");
        assertEquals(ContributionLedger.OFF, ledger());
        timers.fireAll();
        assertEquals(List.of(), timers.entries);
        assertEquals(List.of(), posted);
        assertEquals("none", status.total().composition());
    }

    @Test
    void dismissingTheOfferHidesItAndLeavesContributionsOff() {
        loadRelease("rel-1", MAX_DELAY_SECONDS);
        createAndRate();
        app.contributions().dismissOffer();
        assertFalse(app.contributions().status().offerPending());
        assertFalse(app.contributions().status().optedIn());
    }

    @Test
    void optingInMakesOneReportSpendAndPendingInOneWriteAndSendsItOnce() {
        loadRelease("rel-1", MAX_DELAY_SECONDS);
        createAndRate();
        int savesBefore = vaults.saves;
        app.contributions().setOptedIn(true);
        assertEquals(savesBefore + 2, vaults.saves, "one write for the opt-in, one for spend + pending report");
        ContributionLedger ledger = ledger();
        assertEquals(1, ledger.spends().size());
        assertEquals(1, ledger.pending().size());
        ContributionLedger.PendingReport pending = ledger.pending().get(0);
        assertEquals(ContributionReport.size(RANK), pending.bytes().length);
        assertTrue(pending.sendAfterMillis() >= now[0] && pending.sendAfterMillis() <= now[0] + MAX_DELAY_SECONDS * 1000);
        ContributionReport report = ContributionReport.decode(pending.bytes(), RANK);
        assertEquals("rel-1", report.release());
        assertEquals(2.0f, report.epsilon());

        ContributionStatus status = app.contributions().status();
        assertEquals(1, status.pending().size());
        assertEquals(RANK, status.pending().get(0).values().length);
        assertEquals(40 + 4 * RANK, status.pending().get(0).bytes());
        assertFalse(status.offerPending());

        assertEquals(1, timers.live().size());
        assertEquals(pending.sendAfterMillis() - now[0], timers.live().get(0).delay(), 1e-6);
        timers.fireAll();
        assertEquals(1, posted.size());
        assertTrue(java.util.Arrays.equals(pending.bytes(), posted.get(0)), "the exact bytes shown");
        assertEquals(List.of(), ledger().pending());
        assertEquals("sent", ledger().outcomes().get(0).what());
        assertEquals(204, ledger().outcomes().get(0).status());

        // Another visit, another model load: no second report for the same release.
        app.session().lock();
        app.session().unlock("anna", "password1");
        loadRelease("rel-1", MAX_DELAY_SECONDS);
        app.edits().rate(Fixtures.AMELIE, 5f);
        app.contributions().afterChange();
        timers.fireAll();
        assertEquals(1, posted.size());
        assertEquals(1, ledger().spends().size());

        // A new release: one more report.
        loadRelease("rel-2", MAX_DELAY_SECONDS);
        timers.fireAll();
        assertEquals(2, posted.size());
        assertEquals(2, ledger().spends().size());
    }

    @Test
    void noReportWithoutARatingThatEntersTheHistory() {
        loadRelease("rel-1", MAX_DELAY_SECONDS);
        app.session().create("anna", "password1", "password1");
        app.edits().rate(Fixtures.ALIEN, 2f);
        app.contributions().setOptedIn(true);
        assertEquals(List.of(), ledger().spends());
        app.edits().rate(Fixtures.HEAT, 4f);
        app.contributions().afterChange();
        assertEquals(1, ledger().spends().size());
    }

    @Test
    void aReleaseWithoutTermsTakesNoReport() {
        app.modelReady(manifest("rel-0", Map.of()), catalog, Fixtures.scorer(catalog), Set.of(), null, () -> { },
                basis());
        createAndRate();
        assertFalse(app.contributions().status().available());
        assertFalse(app.contributions().status().offerPending());
    }

    @Test
    void optingOutDeletesThePendingReportCancelsItsTimerAndSendsNothing() {
        loadRelease("rel-1", MAX_DELAY_SECONDS);
        createAndRate();
        app.contributions().setOptedIn(true);
        assertEquals(1, timers.live().size());
        app.contributions().setOptedIn(false);
        assertEquals(List.of(), timers.live(), "timer cancelled");
        assertEquals(List.of(), ledger().pending(), "pending report deleted");
        assertEquals("stopped", ledger().outcomes().get(0).what());
        assertEquals(1, ledger().spends().size(), "the drawn noise stays counted");
        timers.entries.forEach(e -> e.task().run()); // even a timer that fires anyway
        assertEquals(List.of(), posted);
    }

    @Test
    void cancellingAPendingReportKeepsItsSpendAndSendsNothing() {
        loadRelease("rel-1", MAX_DELAY_SECONDS);
        createAndRate();
        app.contributions().setOptedIn(true);
        app.contributions().cancelPending("rel-1");
        timers.fireAll();
        assertEquals(List.of(), posted);
        assertEquals(List.of(), ledger().pending());
        assertEquals(1, ledger().spends().size());
        assertEquals("cancelled", ledger().outcomes().get(0).what());
        app.contributions().afterChange();
        assertEquals(1, ledger().spends().size(), "no second report for the release");
    }

    @Test
    void lockingStopsTheTimer() {
        loadRelease("rel-1", MAX_DELAY_SECONDS);
        createAndRate();
        app.contributions().setOptedIn(true);
        app.session().lock();
        assertEquals(List.of(), timers.live());
        assertEquals(1, vaults.stored.get("anna").contents.contributions().pending().size(), "still pending");
    }

    @Test
    void aReportWhoseTimePassedIsSentAtAFreshDelayAfterUnlockNotAtUnlock() {
        loadRelease("rel-1", MAX_DELAY_SECONDS);
        createAndRate();
        app.contributions().setOptedIn(true);
        app.session().lock();
        now[0] += 10 * MAX_DELAY_SECONDS * 1000; // long after its time
        app.session().unlock("anna", "password1");
        assertEquals(List.of(), posted, "nothing at unlock");
        assertEquals(1, timers.live().size());
        double after = ledger().pending().get(0).sendAfterMillis();
        assertTrue(after >= now[0] && after <= now[0] + MAX_DELAY_SECONDS * 1000, "a fresh time, stored");
        timers.fireAll();
        assertEquals(1, posted.size());
    }

    @Test
    void aNetworkFailureKeepsTheReportForTheNextSessionAndA409OrOther4xxDropsIt() {
        loadRelease("rel-1", MAX_DELAY_SECONDS);
        createAndRate();
        answer = null;
        app.contributions().setOptedIn(true);
        timers.fireAll();
        assertEquals(1, ledger().pending().size(), "kept");
        assertTrue(app.contributions().failedThisSession("rel-1"));
        app.contributions().afterChange();
        assertEquals(List.of(), timers.live(), "not again in this session");

        app.session().lock();
        now[0] += 2 * MAX_DELAY_SECONDS * 1000;
        app.session().unlock("anna", "password1");
        answer = 409;
        timers.fireAll();
        assertEquals(1, posted.size());
        assertEquals(List.of(), ledger().pending(), "409: the server has it, never resent");
        assertEquals("refused", ledger().outcomes().get(0).what());
        app.session().lock();
        app.session().unlock("anna", "password1");
        timers.fireAll();
        assertEquals(1, posted.size());
    }

    @Test
    void a410DropsTheReport() {
        loadRelease("rel-1", 0);
        createAndRate();
        answer = 410;
        app.contributions().setOptedIn(true);
        assertEquals(0, timers.live().get(0).delay(), "maxDelaySeconds 0: at once");
        timers.fireAll();
        assertEquals(List.of(), ledger().pending());
        assertEquals(410, ledger().outcomes().get(0).status());
    }

    @Test
    void epsilonChoiceIsAmongTheOfferedAndSetsTheNoise() {
        loadRelease("rel-1", MAX_DELAY_SECONDS);
        createAndRate();
        assertThrows(UserError.class, () -> app.contributions().setEpsilon(3.0));
        app.contributions().setEpsilon(0.5);
        assertEquals(0.5, app.contributions().status().epsilon());
        app.contributions().setOptedIn(true);
        PrivacyAccountant.Spend spend = ledger().spends().get(0);
        assertEquals(0.5, spend.epsilon());
        assertEquals(1e-6, spend.delta());
        ContributionPolicy policy = ContributionPolicy.fromJson(terms(MAX_DELAY_SECONDS), "t");
        assertEquals(new PrivacyAccountant(List.of()).spend("x", policy, 0.5).rho(), spend.rho(), 1e-15);
        assertEquals(0.5f, ContributionReport.decode(ledger().pending().get(0).bytes(), RANK).epsilon());
    }

    @Test
    void accountantTotalsGrowWithEachRelease() {
        createAndRate();
        app.contributions().setOptedIn(true);
        for (int r = 1; r <= 3; r++) {
            loadRelease("rel-" + r, MAX_DELAY_SECONDS);
            timers.fireAll();
        }
        PrivacyAccountant.Total total = app.contributions().status().total();
        assertEquals(3, ledger().spends().size());
        assertEquals(3e-6, total.delta(), 1e-18);
        assertTrue(total.epsilon() <= 6.0 + 1e-9, "never above basic composition: " + total);
        assertEquals(ledger().accountant().total(), total);
        assertEquals(3, posted.size());
    }

    @Test
    void theReportNormIsClipPlusNoise() {
        loadRelease("rel-1", MAX_DELAY_SECONDS);
        createAndRate();
        app.contributions().setOptedIn(true);
        ContributionReport report = ContributionReport.decode(ledger().pending().get(0).bytes(), RANK);
        ContributionPolicy policy = ContributionPolicy.fromJson(terms(MAX_DELAY_SECONDS), "t");
        assertTrue(Math.sqrt(report.squaredNorm()) <= policy.maxNorm(2.0));
        // The clipped projection the report started from, recomputed here: the noise is what is left.
        float[] history = Encoder.encodeHistory(vaults.stored.get("anna").contents.coreRatings(), catalog);
        double[] clipped = privrec.core.privacy.Contribution.clip(
                privrec.core.privacy.Contribution.project(history, basis(), 0.5), 1.5);
        double noise = 0;
        for (int i = 0; i < RANK; i++) {
            noise += Math.pow(report.values()[i] - clipped[i], 2);
        }
        assertTrue(noise > 0, "noise was added");
    }

    @Test
    void ratingsEditsKeepTheLedger() {
        loadRelease("rel-1", MAX_DELAY_SECONDS);
        createAndRate();
        app.contributions().setOptedIn(true);
        ContributionLedger before = ledger();
        app.edits().rate(Fixtures.CITY, 3f);
        app.settings().setGenreFilter(2);
        assertEquals(before, ledger());
        assertEquals(3, vaults.stored.get("anna").contents.ratings().size());
        assertFalse(vaults.stored.get("anna").contents.findRating(Fixtures.CITY) == null);
        assertEquals(new RatedMovie(Fixtures.CITY, 3f, now[0]).movieId(),
                vaults.stored.get("anna").contents.findRating(Fixtures.CITY).movieId());
    }
}
