package privrec.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import java.util.concurrent.TimeUnit;
import privrec.contributions.ReportStore;
import privrec.core.Manifest;
import privrec.core.privacy.ContributionPolicy;
import privrec.core.privacy.ContributionReport;
import privrec.webapp.scenarios.ChromiumApp;

/**
 * Issue 9 in real Chromium, on the committed release (rank 256) with its contribution terms and a short
 * {@code maxDelaySeconds} in the manifest, served by the real server with its {@code POST /contributions} endpoint
 * and an in-memory report store:
 * <ul>
 *   <li>an opted-in profile sends exactly one report of 40 + 4k bytes, PRC1, this release, a norm consistent with
 *       clip + noise, no cookie, referrer or query — and no second one after a reload and another session;</li>
 *   <li>a profile that never opts in makes only the GETs every user makes: two such users with different data
 *       have identical request logs, and nothing is POSTed;</li>
 *   <li>opting out with a report pending deletes it and nothing is sent.</li>
 * </ul>
 */
class ContributionChromiumTest {
    static Manifest committed;
    static ContributionPolicy policy;
    static int stores;
    ServerHandle server;
    ReportStore store;
    ChromiumBrowser chrome;

    @BeforeAll
    static void readRelease() {
        ChromiumBrowser.requireChromium();
        committed = Manifest.parse(new String(ServerHandle.builtSite().find("models/manifest.json").orElseThrow()
                .content(), StandardCharsets.UTF_8), "manifest.json");
        policy = ContributionPolicy.of(committed);
        assertTrue(policy != null, "the committed release takes contributions");
    }

    @AfterEach
    void stop() {
        if (chrome != null) {
            chrome.close();
        }
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private void serve(int maxDelaySeconds) {
        store = ReportStore.open("jdbc:h2:mem:contribution-chromium-" + (++stores));
        server = ServerHandle.start(ServerHandle.builtSite().withFiles(withMaxDelay(maxDelaySeconds)),
                new ContributionSettings(store, new RateLimiter.Limits(10_000, 10_000, 100, TimeUnit.HOURS.toMillis(1)),
                        null));
    }

    /** The POSTs the server saw. */
    private List<RequestRecord> posts() {
        return server.requestLog().matching(r -> "POST".equals(r.method()));
    }

    /** The committed release with another send delay (the manifest is not hash-checked; its parts are). */
    static Map<String, byte[]> withMaxDelay(int seconds) {
        String text = new String(ServerHandle.builtSite().find("models/manifest.json").orElseThrow().content(),
                StandardCharsets.UTF_8);
        String changed = text.replaceFirst("\"maxDelaySeconds\"\\s*:\\s*\\d+", "\"maxDelaySeconds\": " + seconds);
        assertFalse(changed.equals(text), "the manifest has maxDelaySeconds");
        return Map.of("models/manifest.json", changed.getBytes(StandardCharsets.UTF_8));
    }

    private ChromiumApp start(int maxDelaySeconds) {
        serve(maxDelaySeconds);
        chrome = ChromiumBrowser.start();
        ChromiumApp app = new ChromiumApp(chrome);
        app.open(server.url());
        return app;
    }

    /** Create → rate two onboarding movies → done: the home page, with the one-time offer below the list. */
    private static void newProfileWithRatings(ChromiumApp app, String name, int first, int second) {
        app.createProfile(name, name + " password 123");
        app.waitForView("onboarding");
        app.waitModelSettled();
        List<Integer> cards = app.ids("onboarding-card");
        app.rate("onboarding-card", cards.get(first), 5);
        app.rate("onboarding-card", cards.get(second), 4);
        app.click("onboarding-done");
        app.waitForView("home");
        assertTrue(app.exists("[data-testid=contribution-offer]"), "offered once after onboarding");
        assertFalse(app.exists("[data-testid=contribution-offer] input:checked"), "never pre-checked");
    }

    private static void waitFor(String what, long millis, BooleanSupplier condition) {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anOptedInProfileSendsExactlyOneReportPerRelease() {
        ChromiumApp app = start(1);
        newProfileWithRatings(app, "erin", 0, 1);
        app.click("contribution-offer-accept");
        waitFor("the report", 20_000, () -> posts().size() == 1);

        RequestRecord post = posts().get(0);
        assertEquals("/contributions", post.path());
        assertEquals(204, post.status(), "accepted: " + post.logLine());
        assertTrue(post.hadBody());
        assertFalse(post.hadCookie(), "no cookie");
        assertFalse(post.hadQuery(), "no query string");
        List<ContributionReport> stored = store.reports(committed.modelId());
        assertEquals(1, stored.size());
        int k = policy.rank();
        assertEquals(256, k);
        byte[] body = stored.get(0).encode(); // the server took only a body of exactly this size
        assertEquals(ContributionReport.size(k), body.length, "40 + 4k bytes");
        assertEquals(1064, body.length);
        assertEquals("PRC1", new String(body, 0, 4, StandardCharsets.US_ASCII));
        ContributionReport report = ContributionReport.decode(body, k);
        assertEquals(committed.modelId(), report.release());
        assertEquals((float) policy.epsilon(), report.epsilon(), "the operator's default ε");
        double norm = Math.sqrt(report.squaredNorm());
        double sigma = policy.sigma(policy.epsilon());
        // ‖ẑ + n‖ with ‖ẑ‖ ≤ C and ‖n‖ within σ(√k ± 10) but for a chance below e^-50.
        assertTrue(norm <= policy.maxNorm(policy.epsilon()), "norm " + norm + " ≤ " + policy.maxNorm(policy.epsilon()));
        assertTrue(norm >= sigma * (Math.sqrt(k) - 10) - policy.clip(), "norm " + norm + " holds the noise (σ " + sigma + ")");
        for (RequestRecord r : server.requestLog().records()) {
            if (r != post) {
                assertEquals("GET", r.method(), "everything else is the usual GETs: " + r.logLine());
            }
        }

        // Settings: nothing pending, the accountant holds one spend; the Privacy page lists the POST.
        app.click("nav-settings");
        app.waitUntil("document.querySelector('[data-testid=contributions]').getAttribute('data-pending') === '0'");
        assertTrue(app.text("contribute-total").contains("1 report"), app.text("contribute-total"));
        assertTrue(app.text("contribute-outcomes").contains("sent"), app.text("contribute-outcomes"));
        app.click("nav-privacy");
        assertTrue(app.text("privacy-requests").contains("/contributions"), app.text("privacy-requests"));

        // A reload (a new session) and a lock + unlock: the same release gets no second report.
        app.open(server.url());
        app.unlock("erin", "erin password 123");
        app.waitForView("home");
        app.waitModelSettled();
        app.click("nav-lock");
        app.unlock("erin", "erin password 123");
        app.waitForView("home");
        sleep(3_000); // three times the longest delay
        assertEquals(1, posts().size(), "one report per release");
        assertEquals(1, store.count(committed.modelId()));
        assertEquals(List.of(), chrome.cspViolations());
    }

    @Test
    void profilesThatNeverOptInMakeOnlyTheUsualIdenticalGets() {
        serve(1);
        List<String> logs0 = null;
        for (int who = 0; who < 2; who++) {
            if (chrome != null) {
                chrome.close();
            }
            chrome = ChromiumBrowser.start(); // a fresh browser profile each
            ChromiumApp app = new ChromiumApp(chrome);
            server.requestLog().clear();
            app.open(server.url());
            newProfileWithRatings(app, who == 0 ? "fay" : "gus", who == 0 ? 0 : 3, who == 0 ? 1 : 5);
            if (who == 0) {
                app.click("contribution-offer-dismiss");
                assertFalse(app.exists("[data-testid=contribution-offer]"));
            }
            app.click("nav-settings");
            app.click("nav-home");
            sleep(2_500);
            // Sorted: Chromium starts the page's first GETs in parallel, so their order varies between runs.
            List<String> lines = server.requestLog().records().stream().map(r -> r.method() + " " + r.path())
                    .sorted().toList();
            for (RequestRecord r : server.requestLog().records()) {
                assertEquals("GET", r.method(), r.logLine());
                assertFalse(r.hadBody() || r.hadQuery() || r.hadCookie(), r.logLine());
            }
            if (logs0 == null) {
                logs0 = lines;
            } else {
                assertEquals(logs0, lines, "different people, same steps, same requests (order aside)");
            }
        }
        assertEquals(List.of(), posts(), "nothing was POSTed");
        assertEquals(0, store.count(committed.modelId()));
    }

    @Test
    void optingOutWithAReportPendingDeletesItAndSendsNothing() {
        ChromiumApp app = start(3600);
        newProfileWithRatings(app, "hal", 2, 4);
        app.click("contribution-offer-accept");
        app.click("nav-settings");
        app.waitUntil("document.querySelector('[data-testid=contributions]').getAttribute('data-pending') === '1'");
        assertEquals("1064", (String) chrome.execute(
                "return document.querySelector('[data-testid=contribute-pending]').getAttribute('data-bytes');"));
        String values = app.text("contribute-values");
        assertEquals(256, values.split(" ").length, "every one of the k numbers is shown: " + values);
        assertTrue(app.text("contribute-pending").contains("1,064 bytes") || app.text("contribute-pending")
                .contains("1064 bytes"), app.text("contribute-pending"));
        assertEquals(committed.modelId(), (String) chrome.execute(
                "return document.querySelector('[data-testid=contribute-pending]').getAttribute('data-release');"));
        chrome.execute("document.querySelector('[data-testid=contributions]').scrollIntoView();");
        chrome.screenshot(Path.of("target", "screenshots", "settings-contributions.png"));

        app.click("contribute-toggle");
        app.waitUntil("document.querySelector('[data-testid=contributions]').getAttribute('data-pending') === '0'"
                + " && document.querySelector('[data-testid=contributions]').getAttribute('data-opted-in') === 'false'");
        app.open(server.url());
        app.unlock("hal", "hal password 123");
        app.waitForView("home");
        sleep(2_000);
        assertEquals(List.of(), posts(), "nothing was sent");
        app.click("nav-settings");
        assertEquals("0", (String) chrome.execute(
                "return document.querySelector('[data-testid=contributions]').getAttribute('data-pending');"));
    }
}
