package privrec.webapp.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.htmlunit.html.DomElement;
import org.junit.jupiter.api.Test;
import privrec.core.Item;
import privrec.webapp.HtmlUnitBrowser;
import privrec.webapp.OrtBridge;
import privrec.webapp.ServerHandle;

/**
 * A model update withdraws a movie the user rated: after it, "My ratings" still lists every rating, the withdrawn
 * one by the title stored when it was rated and marked "not in the current catalog", and the movie is never offered
 * again. The page hands the runtime the new graph with the same basis part as external data.
 */
class CatalogUpdateTest {
    static final String PASSWORD = "catalog update password";

    @Test
    void aRatedMovieTheUpdateWithdrawsKeepsItsRatingAndTitle() {
        MiniModel v1 = MiniModel.standard();
        ServerHandle server = ServerHandle.startWith(v1.overrides());
        try (HtmlUnitBrowser browser = HtmlUnitBrowser.start()) {
            HtmlUnitApp app = HtmlUnitApp.open(browser, server);
            app.createProfile("rita", PASSWORD);
            List<Integer> rated = app.onboard(3);
            int gone = rated.get(0);
            Item goneItem = v1.rows.stream().filter(r -> r.id() == gone).findFirst().orElseThrow();
            app.click("nav-lock");
            OrtBridge.SessionRecord first = last(browser.ort().sessionsCreated());
            assertEquals(List.of(v1.basisFile), first.externalData(), "the basis reaches the runtime as external data");

            MiniModel v2 = v1.withdrawing(List.of(gone));
            assertNotEquals(v1.modelFile, v2.modelFile);
            assertEquals(v1.basisFile, v2.basisFile, "the update keeps the basis part byte for byte");
            server = server.republish(v2.overrides());
            HtmlUnitApp updated = HtmlUnitApp.open(browser, server);
            updated.unlock("rita", PASSWORD);
            updated.waitModelSettled();
            assertEquals("ready", updated.find("model-status").getAttribute("data-phase"), updated.text("model-status"));
            OrtBridge.SessionRecord second = last(browser.ort().sessionsCreated());
            assertEquals(v2.model.length, second.modelBytes(), "the new graph");
            assertEquals(List.of(v1.basisFile), second.externalData());
            assertFalse(updated.recommendationIds().contains(gone), "a withdrawn movie is never recommended");

            updated.click("nav-ratings");
            updated.waitIdle();
            assertEquals("3", updated.find("ratings-list").getAttribute("data-count"), "every rating is kept");
            DomElement row = updated.page().querySelector("[data-testid=rating-row][data-movie-id=\"" + gone + "\"]");
            assertNotNull(row, "the withdrawn movie's rating is listed");
            assertEquals("false", row.getAttribute("data-offered"));
            DomElement title = updated.page().querySelector("[data-testid=rating-row][data-movie-id=\"" + gone
                    + "\"] [data-testid=title]");
            String shown = title.getTextContent();
            assertTrue(shown.startsWith(goneItem.title()) && shown.endsWith(" — not in the current catalog"), shown);
            assertFalse(shown.contains("Movie #"), shown);
            for (int id : rated.subList(1, rated.size())) {
                DomElement keptRow = updated.page().querySelector("[data-testid=rating-row][data-movie-id=\"" + id + "\"]");
                assertEquals("true", keptRow.getAttribute("data-offered"));
            }

            updated.click("nav-home");
            updated.waitIdle();
            int kept = rated.get(1);
            String keptTitle = v1.rows.stream().filter(r -> r.id() == kept).findFirst().orElseThrow().title();
            updated.type("search-input", keptTitle);
            updated.waitUntil("search results", p -> updated.findAll("[data-testid=search-result]").stream()
                    .anyMatch(c -> HtmlUnitApp.movieId(c) == kept));
            updated.type("search-input", goneItem.title());
            updated.waitUntil("search results", p -> updated.findAll("[data-testid=search-result]").stream()
                    .noneMatch(c -> HtmlUnitApp.movieId(c) == kept));
            assertTrue(updated.findAll("[data-testid=search-result]").stream()
                    .noneMatch(c -> HtmlUnitApp.movieId(c) == gone), "a withdrawn movie is not found by search");
            browser.assertNoScriptErrors();
        } finally {
            server.close();
        }
    }

    private static OrtBridge.SessionRecord last(List<OrtBridge.SessionRecord> sessions) {
        assertFalse(sessions.isEmpty(), "a session was created");
        return sessions.get(sessions.size() - 1);
    }
}
