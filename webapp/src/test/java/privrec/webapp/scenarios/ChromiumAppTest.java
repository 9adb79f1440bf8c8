package privrec.webapp.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import privrec.core.Profile;
import privrec.core.Rating;
import privrec.webapp.ChromiumBrowser;
import privrec.webapp.ServerHandle;

/**
 * The real thing: headless Chromium, real onnxruntime-web (wasm) and real WebCrypto (PBKDF2-SHA256 at 600,000
 * iterations) on the built site with the committed model. One browser profile for the whole class, in order:
 * create → onboarding → recommendations; the shown scores for fixed histories equal ONNX Runtime Java's; unlock
 * time; a second visit takes the model from the Cache API. Fails (not skips) when CI=true and Chromium is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChromiumAppTest {
    static final String NAME = "carol";
    static final String PASSWORD = "chromium carol password";
    static final double TOLERANCE = 1e-5;

    ServerHandle server;
    ChromiumBrowser chrome;
    ChromiumApp app;
    ReferenceScorer reference;
    final List<Rating> ratings = new ArrayList<>();
    Set<Integer> dismissed = new HashSet<>();
    Profile profile = Profile.EMPTY;

    @BeforeAll
    void start() {
        ChromiumBrowser.requireChromium();
        server = ServerHandle.start();
        chrome = ChromiumBrowser.start();
        app = new ChromiumApp(chrome);
        reference = new ReferenceScorer(server.site());
    }

    @AfterAll
    void stop() {
        if (chrome != null) {
            chrome.close();
        }
        if (server != null) {
            server.close();
        }
        if (reference != null) {
            reference.close();
        }
    }

    @Test
    @Order(1)
    void newProfileGetsRecommendationsWithRealOnnxRuntimeWebAndWebCrypto() {
        app.open(server.url());
        app.createProfile(NAME, PASSWORD);
        app.waitForView("onboarding");
        assertEquals("ready", app.state(), app.text("model-status"));
        assertTrue(app.text("model-status").contains("downloaded"), "first visit downloads: " + app.text("model-status"));
        String stored = app.localStorageItem("privrec.vault." + NAME);
        assertTrue(stored.contains("\"iterations\": 600000") || stored.contains("\"iterations\":600000"), stored);
        assertTrue(stored.contains("\"kdf\": \"PBKDF2-SHA256\"") || stored.contains("\"kdf\":\"PBKDF2-SHA256\""));
        assertFalse(app.ids("onboarding-card").isEmpty());
        app.click("onboarding-done");
        app.waitForView("home");
        assertEquals(20, app.ids("rec-card").size());
        assertEquals(List.of(), chrome.cspViolations(), "the whole app runs under the CSP: " + chrome.consoleMessages());
    }

    @Test
    @Order(2)
    void shownScoresForFixedHistoriesMatchOnnxRuntimeJava() {
        // History 1: nothing rated, no profile.
        assertShownScoresMatchReference("empty history");

        // History 2: two liked movies and one 3-star (below the encoder's "positive" threshold).
        List<Integer> recs = app.ids("rec-card");
        int[] stars = {5, 4, 3};
        for (int k = 0; k < stars.length; k++) {
            int id = recs.get(k);
            app.rate("rec-card", id, stars[k]);
            ratings.add(new Rating(id, stars[k]));
        }
        assertShownScoresMatchReference("three ratings");

        // History 3: plus a profile and a dismissed movie.
        app.click("nav-settings");
        app.type("profile-age", "29");
        app.type("profile-gender", "F");
        app.type("profile-occupation", "programmer");
        app.click("profile-save");
        profile = new Profile(29, "F", "programmer");
        app.click("nav-home");
        int first = app.ids("rec-card").get(0);
        app.clickSelector("[data-testid=rec-card][data-movie-id=\"" + first + "\"] [data-testid=dismiss]");
        dismissed.add(first);
        assertShownScoresMatchReference("ratings + profile + dismissed");
        chrome.screenshot(Path.of("target", "screenshots", "chromium-home.png"));
    }

    private void assertShownScoresMatchReference(String history) {
        float[] expected = reference.scores(ratings, profile);
        Map<Integer, Double> shown = app.shownScores();
        assertEquals(20, shown.size(), history);
        double maxDiff = 0;
        for (Map.Entry<Integer, Double> e : shown.entrySet()) {
            double diff = Math.abs(e.getValue() - reference.scoreOf(expected, e.getKey()));
            maxDiff = Math.max(maxDiff, diff);
            assertTrue(diff <= TOLERANCE, history + ": movie " + e.getKey() + " shown " + e.getValue()
                    + ", ONNX Runtime Java " + reference.scoreOf(expected, e.getKey()));
        }
        // And the list is the reference's top 20 of what is neither rated nor dismissed, in order.
        Set<Integer> excluded = new HashSet<>(dismissed);
        ratings.forEach(r -> excluded.add(r.itemId()));
        List<Integer> top = IntStream.range(0, expected.length).boxed()
                .filter(i -> !excluded.contains(reference.catalog().get(i).id()))
                .sorted(Comparator.comparingDouble(i -> -expected[i]))
                .limit(20).map(i -> reference.catalog().get(i).id()).toList();
        assertEquals(top, new ArrayList<>(shown.keySet()), history + ": same ranking as the reference");
        System.out.printf("chromium vs ONNX Runtime Java (%s): max |diff| %.2e over the 20 shown scores%n", history, maxDiff);
    }

    @Test
    @Order(3)
    void unlockWith600000IterationsTakesAtMostOneSecond() {
        app.click("nav-lock");
        assertEquals("locked", app.state());
        app.unlock(NAME, PASSWORD);
        app.waitForView("home");
        double unlockMs = app.bodyNumber("data-last-task-ms");
        double toScreenMs = app.bodyNumber("data-last-action-ms");
        System.out.printf("chromium unlock (PBKDF2-SHA256 600,000 + AES-GCM decrypt): %.1f ms; click -> home rendered: %.1f ms%n",
                unlockMs, toScreenMs);
        assertTrue(unlockMs > 0, "measured");
        assertTrue(unlockMs <= 1000, "unlock took " + unlockMs + " ms");
        assertEquals(20, app.ids("rec-card").size(), "the same profile is back");
    }

    @Test
    @Order(4)
    void secondVisitTakesTheModelFromTheCacheApi() {
        server.requestLog().clear();
        app.open(server.url());
        app.waitModelSettled();
        assertEquals("ready", app.chrome().execute("return document.getElementById('model-status').getAttribute('data-phase');"),
                app.text("model-status"));
        assertTrue(app.text("model-status").contains("cache"), "says where it came from: " + app.text("model-status"));
        List<String> lines = server.requestLines();
        assertTrue(lines.contains("GET /models/manifest.json"), "still checks for a new model: " + lines);
        List<String> parts = ServedRelease.of(server.site()).manifest().partNames();
        for (String part : parts) {
            assertFalse(lines.contains("GET /models/" + part), "no download of " + part + ": " + lines);
        }
        Object cached = app.async("caches.open('privrec-models-v1').then(function (c) { return c.keys(); })"
                + ".then(function (ks) { done(ks.length); }, function (e) { done('error ' + e); });");
        assertTrue(cached instanceof Number && ((Number) cached).intValue() >= parts.size(), "Cache API entries: " + cached);
        assertEquals(List.of(), chrome.cspViolations());
    }
}
