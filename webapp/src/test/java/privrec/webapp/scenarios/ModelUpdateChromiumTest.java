package privrec.webapp.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import privrec.core.Manifest;
import privrec.webapp.ChromiumBrowser;
import privrec.webapp.RequestRecord;
import privrec.webapp.ServerHandle;
import privrec.webapp.releases.TwoReleases;

/**
 * A returning user gets a model update: headless Chromium, real onnxruntime-web, real Cache API. The trainer builds
 * a release and an update of it (which adds movies and withdraws one), once for the class. (1) The user rates 30
 * movies on the first release — one of them the movie the update withdraws — and comes back after the update is
 * published on the same origin: the page fetches only the parts it does not hold (by the request log), runs the
 * update, and keeps every rating; the withdrawn one is listed by its stored title as "not in the current catalog"
 * and never recommended. (2) An update with one tampered part is never used: the page keeps the last good release
 * and says so, and once the honest part is published it fetches only that part.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelUpdateChromiumTest {
    static final String NAME = "rosa";
    static final String PASSWORD = "returning rosa password";
    static final int RATINGS = 30;

    Path tmp;
    TwoReleases releases;

    @BeforeAll
    void buildReleases() throws Exception {
        ChromiumBrowser.requireChromium();
        tmp = Files.createTempDirectory("privrec-update-test-");
        releases = TwoReleases.build(tmp, TwoReleases.Size.TEST);
    }

    @AfterAll
    void deleteReleases() throws Exception {
        if (tmp != null) {
            try (var paths = Files.walk(tmp)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void aReturningUserWithThirtyRatingsGetsTheUpdateKeepsEveryRatingAndFetchesOnlyChangedParts() throws Exception {
        Manifest old = TwoReleases.manifest(releases.old());
        Manifest update = TwoReleases.manifest(releases.update());
        assertEquals(List.of(releases.withdrawn()), update.withdrawn(), releases.log());
        assertEquals(old.basisId(), update.basisId(), "the update keeps the old basis: " + releases.log());
        Map<String, Integer> changed = TwoReleases.newParts(releases.old(), releases.update());
        assertTrue(changed.size() < update.partNames().size(), "the update shares parts: " + changed);
        int withdrawn = releases.withdrawn();
        String withdrawnTitle = titleIn(releases.old(), old, withdrawn);

        ServerHandle server = ServerHandle.startWith(TwoReleases.siteFiles(releases.old()));
        try (ChromiumBrowser chrome = ChromiumBrowser.start()) {
            ChromiumApp app = new ChromiumApp(chrome);
            app.open(server.url());
            app.createProfile(NAME, PASSWORD);
            app.waitForView("onboarding");
            assertEquals("ready", app.state(), app.text("model-status"));
            assertTrue(app.text("model-status").contains("downloaded"), app.text("model-status"));
            long firstVisit = modelBytes(server);
            app.click("onboarding-done");
            app.waitForView("home");

            // One rating of the movie the update will withdraw, from its page; 29 more from the recommendations.
            chrome.execute("location.hash = '#/movie/" + withdrawn + "';");
            app.waitForView("movie");
            app.choose("movie-rating", "8");
            List<Integer> rated = new ArrayList<>(List.of(withdrawn));
            chrome.execute("location.hash = '#/';");
            app.waitForView("home");
            while (rated.size() < RATINGS) {
                int next = app.ids("rec-card").get(0);
                app.rate("rec-card", next, rated.size() % 2 == 0 ? 5 : 4);
                rated.add(next);
            }
            app.click("nav-ratings");
            assertEquals(String.valueOf(RATINGS), ratingsCount(app));
            app.click("nav-lock");

            // The update is published on the same origin; the user comes back.
            server = server.republish(TwoReleases.siteFiles(releases.update()));
            chrome.open(server.url());
            app.waitUntil("document.body.hasAttribute('data-view') && document.body.getAttribute('data-busy') === 'false'");
            app.unlock(NAME, PASSWORD);
            app.waitModelSettled();
            assertEquals("ready", app.chrome().execute(
                    "return document.getElementById('model-status').getAttribute('data-phase');"), app.text("model-status"));
            Set<String> fetched = server.requestLog().records().stream().map(RequestRecord::path)
                    .filter(p -> p.startsWith("/models/")).map(p -> p.substring("/models/".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> expected = new TreeSet<>(changed.keySet());
            expected.add("manifest.json");
            assertEquals(expected, fetched, "only the manifest and the parts the old release lacks");
            long updateBytes = modelBytes(server);
            System.out.printf("model update for a returning user: %,d bytes on the wire vs %,d for the first download"
                    + " (%.1f %%); parts fetched: %s%n", updateBytes, firstVisit, 100.0 * updateBytes / firstVisit, fetched);

            Object keys = app.async("caches.open('privrec-models-v1').then(function (c) { return c.keys(); })"
                    + ".then(function (ks) { done(ks.map(function (r) { return r.url.replace(/^.*\\//, ''); })); },"
                    + " function (e) { done('error ' + e); });");
            List<String> expectedKeys = new ArrayList<>(List.of("last-good-manifest", "last-good-manifest-date"));
            update.files().forEach(f -> expectedKeys.add("sha256-" + f.sha256()));
            assertEquals(new TreeSet<>(expectedKeys), new TreeSet<>((List<?>) keys),
                    "parts no release needs any more (the old graph) are evicted");

            app.waitForView("home");
            assertFalse(app.ids("rec-card").contains(withdrawn), "a withdrawn movie is never recommended");
            app.click("nav-ratings");
            assertEquals(String.valueOf(RATINGS), ratingsCount(app), "every rating is kept");
            Object offered = chrome.execute("var r = document.querySelector('[data-testid=rating-row][data-movie-id=\"'"
                    + " + arguments[0] + '\"]'); return r && [r.getAttribute('data-offered'),"
                    + " r.querySelector('[data-testid=title]').textContent];", withdrawn);
            assertEquals(List.of("false", withdrawnTitle + " — not in the current catalog"), offered);
            for (int id : rated.subList(1, rated.size())) {
                assertTrue(app.exists("[data-testid=rating-row][data-movie-id=\"" + id + "\"][data-offered=true]"),
                        "movie " + id + " is still offered");
            }
            assertEquals(List.of(), chrome.cspViolations(), chrome.consoleMessages().toString());
        } finally {
            server.close();
        }
    }

    @Test
    void anUpdateWithOneTamperedPartIsNeverUsedAndTheNextVisitFetchesOnlyThatPart() throws Exception {
        Manifest update = TwoReleases.manifest(releases.update());
        Map<String, Integer> changed = TwoReleases.newParts(releases.old(), releases.update());
        String tamperedPart = changed.keySet().stream().filter(n -> n.startsWith("basis-")).findFirst()
                .orElseThrow(() -> new AssertionError("the update adds a basis chunk: " + changed));
        Map<String, byte[]> tampered = new java.util.HashMap<>(TwoReleases.siteFiles(releases.update()));
        byte[] bad = tampered.get("models/" + tamperedPart).clone();
        bad[bad.length / 2] ^= 0x01; // same size, one bit: only the hash can tell
        tampered.put("models/" + tamperedPart, bad);
        tampered.remove("models/" + tamperedPart + ".br");
        tampered.remove("models/" + tamperedPart + ".gz");

        ServerHandle server = ServerHandle.startWith(TwoReleases.siteFiles(releases.old()));
        try (ChromiumBrowser chrome = ChromiumBrowser.start()) {
            ChromiumApp app = new ChromiumApp(chrome);
            app.open(server.url());
            app.waitModelSettled();
            assertTrue(app.text("model-status").contains("downloaded"), app.text("model-status"));

            server = server.republish(tampered);
            app.open(server.url());
            app.waitModelSettled();
            String status = app.text("model-status");
            assertEquals("ready", phase(app), status);
            assertTrue(status.contains("could not be completed") && status.contains(tamperedPart)
                    && status.contains("SHA-256") && status.contains("last good model"), status);
            Object cachedManifest = app.async("caches.open('privrec-models-v1')"
                    + ".then(function (c) { return c.match('privrec-cache/last-good-manifest'); })"
                    + ".then(function (r) { return r ? r.text() : null; })"
                    + ".then(function (t) { done(t); }, function (e) { done('error ' + e); });");
            assertTrue(String.valueOf(cachedManifest).contains(TwoReleases.manifest(releases.old()).modelId()),
                    "the last good release is still the old one: " + cachedManifest);
            assertFalse(String.valueOf(cachedManifest).contains(update.modelId()));

            // The honest part is published: the parts verified meanwhile were kept, so only it is fetched.
            server = server.republish(TwoReleases.siteFiles(releases.update()));
            app.open(server.url());
            app.waitModelSettled();
            assertEquals("ready", phase(app), app.text("model-status"));
            assertFalse(app.text("model-status").contains("last good"), app.text("model-status"));
            Set<String> fetched = server.requestLog().records().stream().map(RequestRecord::path)
                    .filter(p -> p.startsWith("/models/")).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(List.of("/models/manifest.json", "/models/" + tamperedPart)), fetched);
            assertEquals(List.of(), chrome.cspViolations(), chrome.consoleMessages().toString());
        } finally {
            server.close();
        }
    }

    private static Object phase(ChromiumApp app) {
        return app.chrome().execute("return document.getElementById('model-status').getAttribute('data-phase');");
    }

    private static String ratingsCount(ChromiumApp app) {
        return (String) app.chrome().execute(
                "return document.querySelector('[data-testid=ratings-list]').getAttribute('data-count');");
    }

    /** Bytes (as sent, compressed or not) the server answered for models/ since it started. */
    static long modelBytes(ServerHandle server) {
        return server.requestLog().records().stream().filter(r -> r.path().startsWith("/models/"))
                .mapToLong(RequestRecord::bytes).sum();
    }

    /** "Title (year)" as "My ratings" shows a movie the catalog no longer offers. */
    private static String titleIn(Path dir, Manifest manifest, int movieId) throws Exception {
        for (String name : manifest.catalogFiles()) {
            String text = Files.readString(dir.resolve(name));
            for (privrec.core.Item item : privrec.core.CatalogFormat.parse(text, name).items()) {
                if (item.id() == movieId) {
                    return item.year() > 0 && !item.title().trim().endsWith("(" + item.year() + ")")
                            ? item.title() + " (" + item.year() + ")" : item.title();
                }
            }
        }
        throw new AssertionError("movie " + movieId + " is not in " + dir);
    }
}
