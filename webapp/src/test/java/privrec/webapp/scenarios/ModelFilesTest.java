package privrec.webapp.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.htmlunit.html.DomElement;
import org.junit.jupiter.api.Test;
import privrec.webapp.HtmlUnitBrowser;
import privrec.webapp.OrtBridge;
import privrec.webapp.ServerHandle;

/**
 * What the app does with the files the server sends: a hostile catalog title is text, a model whose bytes do not
 * match the manifest is never handed to the runtime, a page without the wasm's preload link says so, and a browser without Cache API/IndexedDB (HtmlUnit) is told
 * the model cannot be kept (the real cache is tested in Chromium).
 */
class ModelFilesTest {
    static final String HOSTILE = "<img src=x onerror=window.pwned=1>";
    static final String PASSWORD = "model files password";

    @Test
    void hostileCatalogTitleIsShownAsTextAndRunsNothing() {
        // Row 0 is the most popular movie of the real catalog's head, so onboarding offers it at once.
        MiniModel mini = MiniModel.build(MiniModel.DEFAULT_ITEMS, i -> i == 0 ? HOSTILE : null);
        assertTrue(new String(mini.catalog, StandardCharsets.UTF_8).contains("\t" + HOSTILE + "\t"));
        try (ServerHandle server = ServerHandle.startWith(mini.overrides());
             HtmlUnitBrowser browser = HtmlUnitBrowser.start()) {
            HtmlUnitApp app = HtmlUnitApp.open(browser, server);
            app.createProfile("eve", PASSWORD);
            app.waitUntil("onboarding", p -> "onboarding".equals(app.view()));
            assertEquals("ready", app.state(), "the catalog passed its hash check: " + app.text("model-status"));

            DomElement offered = app.page().querySelector("[data-testid=onboarding-card][data-movie-id=\"" + mini.idAt(0) + "\"]");
            if (offered != null) {
                DomElement t = app.page().querySelector("[data-testid=onboarding-card][data-movie-id=\"" + mini.idAt(0)
                        + "\"] [data-testid=title]");
                assertEquals(HOSTILE, t.getTextContent(), "onboarding shows the markup literally");
            }
            app.click("onboarding-done");
            app.type("search-input", "onerror");
            app.waitUntil("search results", p -> !app.findAll("[data-testid=search-result]").isEmpty());
            DomElement card = app.findAll("[data-testid=search-result]").get(0);
            assertEquals(String.valueOf(mini.idAt(0)), card.getAttribute("data-movie-id"));
            DomElement title = app.page().querySelector("[data-testid=search-result] [data-testid=title]");
            assertEquals(HOSTILE, title.getTextContent(), "the markup is shown literally");
            assertEquals(0, title.getChildElementCount(), "as one text node, not elements");

            // Rate it: its title now also goes through the status line and the undo bar.
            app.click(app.page().querySelector("[data-testid=search-result] [data-testid=rate-5]"));
            assertTrue(app.text("status").contains(HOSTILE), app.text("status"));
            assertNotNull(app.find("undo-bar"));

            assertEquals(List.of(), app.findAll("img"), "no <img> element was created anywhere");
            assertEquals(Boolean.TRUE, browser.eval(app.page(), "typeof window.pwned === 'undefined'"),
                    "the onerror handler never ran");
            assertTrue(app.bodyText().contains(HOSTILE));
            browser.assertNoScriptErrors();
        }
    }

    @Test
    void aPageThatDoesNotSayWhereTheWasmIsFailsWithAClearMessage() {
        // The wasm's name is content-hashed and the client learns it only from index.html's preload link.
        String html = new String(ServerHandle.builtSite().find("index.html").orElseThrow().content(),
                StandardCharsets.UTF_8);
        String without = html.replaceAll("<link rel=\"preload\"[^>]*type=\"application/wasm\"[^>]*>", "");
        assertTrue(without.length() < html.length(), "the built index.html has the preload link");
        try (ServerHandle server = ServerHandle.startWith(Map.of("index.html", ServerHandle.utf8(without)));
             HtmlUnitBrowser browser = HtmlUnitBrowser.start()) {
            HtmlUnitApp app = HtmlUnitApp.open(browser, server);
            app.waitModelSettled();
            assertEquals("failed", app.find("model-status").getAttribute("data-phase"));
            assertTrue(app.text("model-status").contains("onnxruntime-web's wasm"), app.text("model-status"));
            assertEquals(List.of(), browser.ort().modelSessionsCreated(), "no session without the engine's wasm");
        }
    }

    @Test
    void modelThatFailsItsHashIsRefusedAndNeverReachesTheRuntime() {
        MiniModel mini = MiniModel.standard();
        byte[] flipped = mini.model.clone();
        flipped[flipped.length / 2] ^= 0x01; // same size, one bit different; the manifest still names the original
        Map<String, byte[]> files = new HashMap<>(mini.overrides());
        files.put("models/" + mini.modelFile, flipped);
        try (ServerHandle server = ServerHandle.startWith(files);
             HtmlUnitBrowser browser = HtmlUnitBrowser.start()) {
            HtmlUnitApp app = HtmlUnitApp.open(browser, server);
            app.waitModelSettled();
            assertEquals("failed", app.find("model-status").getAttribute("data-phase"));
            String line = app.text("model-status");
            assertTrue(line.contains(mini.modelFile) && line.contains("SHA-256") && line.contains("not used"),
                    "says the model failed verification: " + line);
            List<OrtBridge.SessionRecord> sessions = browser.ort().modelSessionsCreated();
            assertEquals(List.of(), sessions, "no inference session was ever created");

            app.createProfile("victor", PASSWORD);
            assertEquals("error", app.state(), "unlocked, but without a model");
            assertTrue(app.text("model-wait").contains("SHA-256"), app.text("model-wait"));
            assertNull(app.find("rec-list"), "no recommendations from unverified bytes");
            assertEquals(List.of(), browser.ort().modelSessionsCreated());
            browser.assertNoScriptErrors();
        }
    }

    @Test
    void browserWithoutModelCacheSaysSoAndDownloadsAgainOnTheNextVisit() {
        MiniModel mini = MiniModel.standard();
        try (ServerHandle server = ServerHandle.startWith(mini.overrides());
             HtmlUnitBrowser browser = HtmlUnitBrowser.start()) {
            assertEquals("undefined,undefined", browser.eval(HtmlUnitApp.open(browser, server).page(),
                    "typeof caches + ',' + typeof indexedDB"), "HtmlUnit has neither Cache API nor IndexedDB");
            for (int visit = 1; visit <= 2; visit++) {
                // The parts' content-hashed names are served as immutable, and HtmlUnit's XHR (it has no fetch)
                // keeps them in its HTTP cache; the app's own fetch asks with cache: "no-store" in real browsers.
                browser.client().getCache().clear();
                server.requestLog().clear();
                HtmlUnitApp app = HtmlUnitApp.open(browser, server);
                app.waitModelSettled();
                assertEquals("ready", app.find("model-status").getAttribute("data-phase"));
                assertTrue(app.text("model-status").contains("cannot store the model"),
                        "visit " + visit + ": " + app.text("model-status"));
                assertTrue(server.requestLines().contains("GET /models/" + mini.modelFile),
                        "visit " + visit + " downloads the model, as the notice says: " + server.requestLines());
            }
            browser.assertNoScriptErrors();
        }
    }
}
