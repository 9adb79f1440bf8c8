package privrec.webapp.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WindowType;
import privrec.core.Catalog;
import privrec.webapp.ChromiumBrowser;
import privrec.webapp.ServerHandle;

/**
 * Two tabs of one Chromium profile (same origin, same localStorage, separate renderers) unlock the same vault and
 * write as fast as the page accepts clicks. Every write goes through the Web Locks API; this shows no update is lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoTabsRaceTest {
    static final String NAME = "racer";
    static final String PASSWORD = "two tabs one password";
    static final int PER_TAB = 25;
    static final int ROUNDS = 3;

    /**
     * Clicks "4★" on each given movie, found by searching its exact title, without waiting for the app between
     * clicks (its worker queues them); sets window.__raceClicked when every click was made, or __raceError.
     */
    static final String RATE_ALL = "var ids = arguments[0], titles = arguments[1], i = 0;"
            + "window.__raceClicked = false; window.__raceError = null;"
            + "function next() {"
            + "  if (i >= ids.length) { window.__raceClicked = true; return; }"
            + "  var input = document.querySelector('[data-testid=search-input]');"
            + "  if (!input) { setTimeout(next, 1); return; }"
            + "  input.value = titles[i]; input.dispatchEvent(new Event('input', {bubbles: true}));"
            + "  var b = document.querySelector('[data-testid=search-result][data-movie-id=\"' + ids[i] + '\"] [data-testid=rate-4]');"
            + "  if (!b) { window.__raceError = 'no search result for ' + ids[i]; return; }"
            + "  b.click(); i++; setTimeout(next, 0);"
            + "}"
            + "next();";

    ServerHandle server;
    ChromiumBrowser chrome;
    ChromiumApp app;
    Catalog catalog;
    String tabA;
    String tabB;
    int nextMovie = 1;

    @BeforeAll
    void start() {
        ChromiumBrowser.requireChromium();
        server = ServerHandle.start();
        chrome = ChromiumBrowser.start();
        app = new ChromiumApp(chrome);
        catalog = new ReferenceScorer(server.site()).catalog();
        app.open(server.url());
        app.createProfile(NAME, PASSWORD);
        app.waitForView("onboarding");
        app.click("onboarding-done");
        app.waitForView("home");
        tabA = chrome.driver().getWindowHandle();
        chrome.driver().switchTo().newWindow(WindowType.TAB);
        tabB = chrome.driver().getWindowHandle();
        app.open(server.url());
        app.unlock(NAME, PASSWORD);
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
    }

    @Test
    @Order(1)
    void twoTabsRating25MoviesEachAtOnceThreeRoundsLoseNothing() {
        List<Integer> all = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            List<Integer> forA = movies(PER_TAB);
            List<Integer> forB = movies(PER_TAB);
            all.addAll(forA);
            all.addAll(forB);
            startRating(tabA, forA);
            startRating(tabB, forB);
            awaitIdle(tabA);
            awaitIdle(tabB);
            assertEquals(all.size(), inMemory(tabB).size(), "round " + round + ": tab B shows every rating");
            List<Integer> got = ratingsAfterReopening(tabA);
            List<Integer> missing = new ArrayList<>(all);
            missing.removeAll(got);
            System.out.println("two tabs, round " + round + ": " + got.size() + " of " + all.size()
                    + " ratings stored, lost " + missing);
            assertEquals(List.of(), missing, "round " + round + ": ratings lost");
            assertEquals(all.size(), got.size());
        }
        List<Integer> stored = ratingsAfterReopening(tabB);
        assertEquals(ROUNDS * 2 * PER_TAB, stored.size());
        assertEquals(new java.util.TreeSet<>(all), new java.util.TreeSet<>(stored));
    }

    @Test
    @Order(2)
    void ratingsInOneTabAndSettingsChangesInTheOtherLoseNeither() {
        List<Integer> before = ratingsAfterReopening(tabA);
        List<Integer> forA = movies(PER_TAB);
        switchTo(tabB);
        app.click("nav-settings");
        app.waitForView("settings");
        startRating(tabA, forA);
        switchTo(tabB);
        // Flip the auto-lock choice as fast as the page takes it, ending on 30 minutes.
        chrome.execute("var s = document.querySelector('[data-testid=autolock-minutes]');"
                + "var values = Array.from(s.options).map(function (o) { return o.value; });"
                + "var i = 0; window.__raceClicked = false; window.__raceError = null;"
                + "(function next() {"
                + "  var sel = document.querySelector('[data-testid=autolock-minutes]');"
                + "  if (i >= 20) { sel.value = '30'; sel.dispatchEvent(new Event('change')); window.__raceClicked = true; return; }"
                + "  sel.value = values[i % values.length]; sel.dispatchEvent(new Event('change')); i++; setTimeout(next, 0);"
                + "})();");
        awaitIdle(tabA);
        awaitIdle(tabB);
        List<Integer> after = ratingsAfterReopening(tabA);
        assertEquals(before.size() + PER_TAB, after.size(), "ratings made while the other tab changed settings");
        app.click("nav-settings");
        app.waitForView("settings");
        assertEquals("30", chrome.execute("return document.querySelector('[data-testid=autolock-minutes]').value;"),
                "the last settings change survived the ratings");
    }

    private List<Integer> movies(int n) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(catalog.items().get(nextMovie++).id());
        }
        return ids;
    }

    private void startRating(String tab, List<Integer> ids) {
        switchTo(tab);
        if (!"home".equals(app.view())) {
            app.click("nav-home");
            app.waitForView("home");
        }
        List<String> titles = ids.stream().map(id -> catalog.byId(id).title()).toList();
        chrome.execute(RATE_ALL, ids, titles);
    }

    /** All clicks made, the worker idle, and no error on screen. */
    private void awaitIdle(String tab) {
        switchTo(tab);
        app.waitUntil("(window.__raceClicked || window.__raceError) && document.body.getAttribute('data-busy') === 'false'");
        assertEquals(null, chrome.execute("return window.__raceError;"));
        assertEquals("", app.text("error"), "no error shown in tab " + tab);
        assertEquals("", app.text("vault-warning"));
    }

    /** Locks, unlocks again (so the ratings come from storage, not memory) and returns the rated movie ids. */
    @SuppressWarnings("unchecked")
    private List<Integer> ratingsAfterReopening(String tab) {
        switchTo(tab);
        app.click("nav-lock");
        app.unlock(NAME, PASSWORD);
        app.waitForView("home");
        app.click("nav-ratings");
        app.waitForView("ratings");
        List<Object> ids = (List<Object>) chrome.execute("return Array.from(document.querySelectorAll("
                + "'[data-testid=rating-row]')).map(function (e) { return Number(e.getAttribute('data-movie-id')); });");
        assertTrue(ids.stream().noneMatch(o -> ((Number) o).intValue() == 0), "rating rows carry data-movie-id");
        return ids.stream().map(o -> ((Number) o).intValue()).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Integer> inMemory(String tab) {
        switchTo(tab);
        app.click("nav-ratings");
        app.waitForView("ratings");
        List<Object> ids = (List<Object>) chrome.execute("return Array.from(document.querySelectorAll("
                + "'[data-testid=rating-row]')).map(function (e) { return Number(e.getAttribute('data-movie-id')); });");
        return ids.stream().map(o -> ((Number) o).intValue()).toList();
    }

    private void switchTo(String tab) {
        chrome.driver().switchTo().window(tab);
    }
}
