package privrec.webapp.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import privrec.core.Encoder;
import privrec.core.Genres;
import privrec.core.Item;
import privrec.core.Profile;
import privrec.core.Rating;
import privrec.core.TopN;
import privrec.webapp.ChromiumBrowser;
import privrec.webapp.ServerHandle;

/**
 * The site as a movie site, in real Chromium with the committed model: every view has its own address and
 * Back/Forward walk them; a reload comes back to the same view after unlocking (and shows nothing before);
 * browsing by two genres sorted by year; a movie page's "more like this" equals the model's item-to-item top 10
 * computed on the JVM with ONNX Runtime Java, without any request; a half-star rating is stored and moves the
 * scores by exactly its weight; at 390 × 844 the first recommendation is on screen and touch targets are 44 px.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SiteChromiumTest {
    static final String NAME = "dora";
    static final String PASSWORD = "chromium dora password";
    static final double TOLERANCE = 1e-5;

    ServerHandle server;
    ChromiumBrowser chrome;
    ChromiumApp app;
    ReferenceScorer reference;

    @BeforeAll
    void start() {
        ChromiumBrowser.requireChromium();
        server = ServerHandle.start();
        chrome = ChromiumBrowser.start();
        app = new ChromiumApp(chrome);
        reference = new ReferenceScorer(server.site());
        app.open(server.url());
        app.createProfile(NAME, PASSWORD);
        app.waitForView("onboarding");
        app.click("onboarding-done");
        app.waitForView("home");
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
    void backAndForwardWalkFiveViewsByTheirAddresses() {
        assertEquals("#/home", app.hash());
        String[] views = {"browse", "ratings", "privacy", "model", "settings"};
        for (String view : views) {
            app.click("nav-" + view);
            assertEquals(view, app.view());
            assertEquals("#/" + view, app.hash());
        }
        for (int i = views.length - 2; i >= 0; i--) {
            app.back(views[i]);
            assertEquals("#/" + views[i], app.hash());
        }
        app.back("home");
        app.forward("browse");
        app.forward("ratings");
        app.forward("privacy");
        assertEquals("#/privacy", app.hash());
        System.out.println("chromium back/forward: home -> browse -> ratings -> privacy -> model -> settings,"
                + " back x5 to home, forward x3 to privacy");
    }

    @Test
    @Order(2)
    void aReloadReturnsToTheSameViewOnceUnlockedAndShowsNothingBefore() {
        app.click("nav-ratings");
        chrome.driver().navigate().refresh();
        app.waitForView("unlock");
        assertEquals("#/ratings", app.hash(), "the address is kept while locked");
        assertFalse(app.exists("[data-testid=ratings-list]"), "locked: no data of the profile on screen");
        app.unlock(NAME, PASSWORD);
        app.waitForView("ratings");
        assertEquals("#/ratings", app.hash());
        // The reload loads the model again (from the Cache API, in onnxruntime-web's worker); the next tests need it.
        app.waitModelSettled();
    }

    @Test
    @Order(3)
    void browseByTwoGenresSortedByYear() {
        int comedy = Genres.indexOf("Comedy");
        int horror = Genres.indexOf("Horror");
        app.click("nav-browse");
        app.click("browse-genre-" + comedy);
        app.click("browse-genre-" + horror);
        app.choose("browse-sort", "YEAR");
        long expectedTotal = reference.catalog().items().stream()
                .filter(i -> i.hasGenre(comedy) || i.hasGenre(horror)).count();
        assertEquals(String.valueOf(expectedTotal), attr("[data-testid=browse-summary]", "data-total"));
        List<Integer> years = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            for (int id : app.ids("browse-card")) {
                Item item = reference.catalog().byId(id);
                assertTrue(item.hasGenre(comedy) || item.hasGenre(horror), item + " is comedy or horror");
                years.add(item.year());
            }
            if (page == 0) {
                assertEquals(20, app.ids("browse-card").size(), "20 a page");
                app.click("browse-next");
            }
        }
        for (int k = 1; k < years.size(); k++) {
            assertTrue(years.get(k) <= years.get(k - 1), "newest first: " + years);
        }
        int newest = reference.catalog().items().stream().filter(i -> i.hasGenre(comedy) || i.hasGenre(horror))
                .mapToInt(Item::year).max().orElseThrow();
        assertEquals(newest, years.get(0));
        System.out.printf("chromium browse Comedy+Horror by year: %d movies (JVM count %d), pages 1-2 newest first %d..%d%n",
                expectedTotal, expectedTotal, years.get(0), years.get(years.size() - 1));
    }

    @Test
    @Order(4)
    void moreLikeThisIsTheModelsItemToItemTop10ComputedOnTheJvm() {
        app.click("nav-home");
        int movie = app.ids("rec-card").get(0);
        long requestsBefore = app.resourceCount();
        // The card's title is a link to the movie's own address.
        app.clickSelector("[data-testid=rec-card][data-movie-id=\"" + movie + "\"] a[data-testid=title]");
        app.waitForView("movie");
        assertEquals("#/movie/" + movie, app.hash());
        List<Integer> shown = app.ids("similar-card");

        float[] scores = reference.scores(List.of(new Rating(movie, 4f)), Profile.EMPTY);
        boolean[] self = new boolean[scores.length];
        self[reference.catalog().indexOf(movie)] = true;
        List<Integer> expected = new ArrayList<>();
        for (int column : TopN.select(scores, self, 10, null)) {
            expected.add(reference.catalog().get(column).id());
        }
        assertEquals(expected, shown, "more like this = ONNX Runtime Java top 10 for this movie alone");
        assertEquals(requestsBefore, app.resourceCount(), "the movie page made no request");
        System.out.println("chromium more-like-this for movie " + movie + " = JVM ONNX Runtime top 10 " + expected
                + "; requests during the movie page: 0");
    }

    @Test
    @Order(5)
    void aHalfStarRatingIsStoredAndWeighsAsItsHalfStar() {
        app.click("nav-home");
        List<Integer> recs = app.ids("rec-card");
        int movie = recs.get(1);
        app.chrome().driver().navigate().to(server.url() + "#/movie/" + movie);
        app.waitForView("movie");
        app.choose("movie-rating", "7"); // 7 half stars
        assertEquals("3.5 stars", attr("[data-testid=movie-facts] dd[data-label='Your rating']", "textContent"));

        // Stored: a reload and unlock still show it.
        chrome.driver().navigate().refresh();
        app.waitForView("unlock");
        app.unlock(NAME, PASSWORD);
        app.waitModelSettled(); // the movie page needs the catalog, loaded again after the reload
        app.waitForView("movie");
        assertEquals("7", selectValue("movie-rating"));

        // Used: the shown scores are the model's for a 3.5-star history — weight (3.5 - 2.5) / 1.5 = 2/3 of a
        // 4-star rating's, which the graph raises to its input power p like every history entry — and differ from a
        // 3- or a 4-star rating's.
        app.click("nav-home");
        Map<Integer, Double> shownScores = app.shownScores();
        float[] none = reference.scores(List.of(), Profile.EMPTY);
        float[] four = reference.scores(List.of(new Rating(movie, 4f)), Profile.EMPTY);
        float[] half = reference.scores(List.of(new Rating(movie, 3.5f)), Profile.EMPTY);
        float[] three = reference.scores(List.of(new Rating(movie, 3f)), Profile.EMPTY);
        assertEquals(2 / 3f, Encoder.historyWeight(3.5f), 1e-6);
        double maxDiff = 0;
        double power = Double.NaN;
        boolean differsFromThree = false;
        boolean differsFromFour = false;
        for (Map.Entry<Integer, Double> e : shownScores.entrySet()) {
            int column = reference.catalog().indexOf(e.getKey());
            double shown = e.getValue();
            maxDiff = Math.max(maxDiff, Math.abs(shown - half[column]));
            double pull = four[column] - none[column];
            if (Math.abs(pull) > 1e-3) {
                // The same power p turns 3★'s 1/3 and 3.5★'s 2/3 into their pulls relative to 4★'s 1.
                double pHalf = Math.log((half[column] - none[column]) / pull) / Math.log(2 / 3.0);
                double pThree = Math.log((three[column] - none[column]) / pull) / Math.log(1 / 3.0);
                assertEquals(pThree, pHalf, 2e-3, "3★ and 3.5★ enter the model through one power of their weight");
                power = pHalf;
            }
            differsFromThree |= Math.abs(shown - three[column]) > 1e-4;
            differsFromFour |= Math.abs(shown - four[column]) > 1e-4;
        }
        assertTrue(maxDiff <= TOLERANCE, "shown = ONNX Runtime Java for 3.5 stars, max diff " + maxDiff);
        assertTrue(differsFromThree && differsFromFour, "a half star is not rounded to 3 or 4");
        System.out.printf("chromium half star: movie %d rated 3.5, stored across reload; shown scores = JVM 3.5-star "
                + "scores (max |diff| %.2e), weight %.4f, input power %.3f%n", movie, maxDiff,
                Encoder.historyWeight(3.5f), power);
    }

    @Test
    @Order(6)
    void onAPhoneTheFirstRecommendationIsVisibleAndTouchTargetsAre44Px() {
        chrome.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
        try {
            app.click("nav-home");
            chrome.execute("window.scrollTo(0, 0);");
            Map<?, ?> first = (Map<?, ?>) chrome.execute("var r = document.querySelector('[data-testid=rec-card]')"
                    + ".getBoundingClientRect(); return {bottom: r.bottom, width: r.width,"
                    + " viewport: window.innerHeight, vw: window.innerWidth};");
            double bottom = ((Number) first.get("bottom")).doubleValue();
            double viewport = ((Number) first.get("viewport")).doubleValue();
            assertEquals(390, ((Number) first.get("vw")).intValue());
            assertTrue(bottom <= viewport, "first card ends at " + bottom + " px of " + viewport);
            Path shot = chrome.screenshot(Path.of("target", "screenshots", "phone-home.png"));
            @SuppressWarnings("unchecked")
            List<String> small = (List<String>) chrome.execute("return Array.from(document.querySelectorAll("
                    + "'button, .nav-link, select, input:not([type=checkbox]), label.check'))"
                    + ".filter(function (e) { var r = e.getBoundingClientRect(); return r.width > 0"
                    + " && (r.width < 44 || r.height < 44); })"
                    + ".map(function (e) { var r = e.getBoundingClientRect();"
                    + " return (e.getAttribute('data-testid') || e.textContent) + ' ' + r.width + 'x' + r.height; });");
            assertEquals(List.of(), small, "touch targets under 44 x 44 px");
            double navHeight = ((Number) chrome.execute(
                    "return document.querySelector('.topbar').getBoundingClientRect().height;")).doubleValue();
            System.out.printf("chromium phone 390x844: first recommendation bottom %.0f px of %.0f; header %.0f px;"
                    + " screenshot %s%n", bottom, viewport, navHeight, shot);
        } finally {
            chrome.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** An attribute of the first match, or its text for {@code "textContent"}. */
    private String attr(String selector, String name) {
        return (String) chrome.execute("var e = document.querySelector(arguments[0]);"
                + " return arguments[1] === 'textContent' ? e.textContent.trim() : e.getAttribute(arguments[1]);",
                selector, name);
    }

    private String selectValue(String testId) {
        return (String) chrome.execute("return document.querySelector('[data-testid=\"' + arguments[0] + '\"]').value;",
                testId);
    }
}
