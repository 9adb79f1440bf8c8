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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import privrec.core.Manifest;
import privrec.webapp.ChromiumBrowser;
import privrec.webapp.RequestRecord;
import privrec.webapp.ServerHandle;
import privrec.webapp.releases.TwoReleases;

/**
 * A returning user gets a model update: headless Chromium, real onnxruntime-web, real Cache API. The trainer builds
 * a release and an update of it (which adds movies and withdraws one); the user rates 30 movies on the first
 * release — one of them the movie the update withdraws — and comes back after the update is published on the same
 * origin. The page fetches only the parts it does not hold (by the request log), runs the update, and keeps every
 * rating: the withdrawn one is listed by its stored title as "not in the current catalog" and never recommended.
 */
class ModelUpdateChromiumTest {
    static final String NAME = "rosa";
    static final String PASSWORD = "returning rosa password";
    static final int RATINGS = 30;

    @TempDir
    Path tmp;

    @Test
    void aReturningUserWithThirtyRatingsGetsTheUpdateKeepsEveryRatingAndFetchesOnlyChangedParts() throws Exception {
        ChromiumBrowser.requireChromium();
        TwoReleases releases = TwoReleases.build(tmp, TwoReleases.Size.TEST);
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
