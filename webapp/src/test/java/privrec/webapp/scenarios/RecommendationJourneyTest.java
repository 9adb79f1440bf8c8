package privrec.webapp.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import privrec.webapp.HtmlUnitBrowser;
import privrec.webapp.Pbkdf2Bridge;
import privrec.webapp.ServerHandle;

/**
 * One person's journey on the REAL built site with the committed default model (HtmlUnit; the bridge supplies only
 * wasm inference and PBKDF2): create a profile, onboard, get recommendations, rate, reload, lock, mistype the
 * password. The steps share one server and one browser profile and run in order, as a user would do them; each
 * asserts one behaviour. (The 1,700-movie model takes ~10–25 s per page load in HtmlUnit's interpreter, so the
 * journey loads the page only twice.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecommendationJourneyTest {
    static final String NAME = "alice";
    static final String PASSWORD = "correct horse battery";

    ServerHandle server;
    HtmlUnitBrowser browser;
    HtmlUnitApp app;
    List<Integer> onboarded;
    int ratedFromList;
    List<Integer> ratingsBeforeLock;

    @BeforeAll
    void start() {
        server = ServerHandle.start();
        browser = HtmlUnitBrowser.start();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void newProfileGoesThroughOnboardingToRecommendations() {
        app = HtmlUnitApp.open(browser, server);
        assertEquals("unlock", app.view());
        app.createProfile(NAME, PASSWORD);
        onboarded = app.onboard(3);
        assertEquals("ready", app.state());
        List<Integer> recs = app.recommendationIds();
        assertEquals(20, recs.size(), "a full first page of recommendations");
        assertEquals(String.valueOf(recs.size()), app.find("rec-list").getAttribute("data-count"));
        for (int id : onboarded) {
            assertFalse(recs.contains(id), "a movie rated in onboarding is never recommended: " + id);
        }
        assertFalse(app.text("title").isEmpty(), "cards show titles");
        assertFalse(app.text("reason").isEmpty(), "cards show a local reason");
        // No raw model numbers on cards (the Model page explains them); the raw score stays a data attribute.
        assertEquals("", app.text("score"));
        assertFalse(app.find("rec-card").getTextContent().contains("model score"));
        assertFalse(app.find("score").getAttribute("data-score").isEmpty());
        // The vault was created with the production KDF parameters, through the page's own WebCrypto calls.
        Pbkdf2Bridge.Derivation d = browser.pbkdf2().derivations().get(0);
        assertEquals(600_000, d.iterations());
        assertEquals(16, d.saltBytes());
        assertEquals(1, browser.ort().modelSessionsCreated().size(), "one inference session for the model");
        browser.assertNoScriptErrors();
    }

    @Test
    @Order(2)
    void ratingAMovieReRanksTheListAndRemovesIt() {
        List<Integer> before = app.recommendationIds();
        ratedFromList = before.get(0);
        int runsBefore = browser.ort().runs().size();
        app.rateRecommendation(ratedFromList, 5);
        List<Integer> after = app.recommendationIds();
        assertFalse(after.contains(ratedFromList), "the rated movie left the list: " + after);
        assertEquals(20, after.size(), "the list is refilled");
        assertNotEquals(before.subList(1, before.size()), after.subList(0, before.size() - 1),
                "a 5-star rating changes the model's input, so the order below it changes too");
        assertTrue(browser.ort().runs().size() > runsBefore, "the new list was scored by the model");
        assertTrue(app.text("status").startsWith("Rated "), app.text("status"));
        assertFalse(app.find("undo-bar").hasAttribute("hidden"), "the rating can be undone");
        // Seen once: the Undo bar shows the sentence, the status line only announces it (visually hidden).
        assertEquals(app.text("status"), app.page().querySelector("[data-testid=undo-bar] .undo-label").getTextContent());
        assertTrue(app.find("status").getAttribute("class").contains("visually-hidden"), app.find("status").getAttribute("class"));
        // The list came first, its reasons after; once idle every reason is filled in.
        assertEquals("false", app.bodyAttr("data-reasons-pending"));
        assertTrue(app.findAll("[data-reason-pending]").isEmpty(), "no card still says \"Finding why…\"");
        assertTrue(app.text("reason").startsWith("Because you liked "), app.text("reason"));
        assertTrue(Double.parseDouble(app.bodyAttr("data-last-reasons-ms")) >= Double.parseDouble(app.bodyAttr("data-last-action-ms")));
    }

    @Test
    @Order(3)
    void ratedMoviesStayOutAfterReloadAndUnlock() {
        app = HtmlUnitApp.open(browser, server);
        assertEquals("unlock", app.view(), "a reload starts locked: the key lived only in the old page");
        app.unlock(NAME, PASSWORD);
        app.waitModelSettled();
        app.waitUntil("home", p -> "home".equals(app.view()));
        List<Integer> recs = app.recommendationIds();
        assertEquals(20, recs.size());
        assertFalse(recs.contains(ratedFromList), "still out after reload: " + recs);
        for (int id : onboarded) {
            assertFalse(recs.contains(id));
        }
        ratingsBeforeLock = recs;
    }

    @Test
    @Order(4)
    void wrongPasswordIsRefusedAndChangesNothingThenTheRightOneOpensTheSameData() {
        app.click("nav-lock");
        assertEquals("unlock", app.view());
        assertEquals("locked", app.state());
        assertTrue(app.find("rec-list") == null, "no recommendations on screen while locked");
        String stored = app.storedVault(NAME);
        assertNotNull(stored);

        app.unlock(NAME, "wrong password");
        assertEquals("unlock", app.view());
        assertTrue(app.errorText().toLowerCase().contains("password"), "says the password is wrong: " + app.errorText());
        assertEquals(stored, app.storedVault(NAME), "the stored blob is unchanged byte for byte");
        assertTrue(app.find("corrupted") == null, "a wrong password is not reported as damage");

        app.unlock(NAME, PASSWORD);
        app.waitUntil("home", p -> "home".equals(app.view()));
        assertEquals("", app.errorText());
        assertEquals(ratingsBeforeLock, app.recommendationIds(), "the same data gives the same recommendations");
        app.click("nav-ratings");
        assertEquals(String.valueOf(onboarded.size() + 1), app.find("ratings-list").getAttribute("data-count"));
        org.htmlunit.html.DomElement row = app.page().querySelector("[data-testid=rating-row][data-movie-id=\"" + ratedFromList + "\"]");
        assertNotNull(row, "the rating is back");
        assertEquals(5f, Float.parseFloat(row.getAttribute("data-stars")), "with its 5 stars");
        assertEquals(stored, app.storedVault(NAME), "reading never rewrites the vault");
        browser.assertNoScriptErrors();
    }
}
