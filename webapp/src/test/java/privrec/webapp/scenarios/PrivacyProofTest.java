package privrec.webapp.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.htmlunit.html.DomElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import privrec.core.Json;
import privrec.webapp.HtmlUnitBrowser;
import privrec.webapp.RecordingWebConnection.PageRequest;
import privrec.webapp.RequestRecord;
import privrec.webapp.ServerHandle;

/**
 * The privacy promise as a test: two people with different data doing the same steps in fresh browsers make
 * exactly the same requests — seen by the browser (every request the page made) and by the server (its log) —
 * and every one is a plain GET of a static, same-origin file with no query, body or cookie. Whatever differs
 * between them (name, password, which movies, how many stars, profile, search text) stays in the browser, and at
 * rest only as ciphertext.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyProofTest {
    /** The vault envelope's fields: random, public parameters or ciphertext (VaultRecord). Nothing else. */
    static final Set<String> ENVELOPE = Set.of("format", "version", "kdf", "iterations", "salt", "checkIv", "check",
            "revision", "iv", "ciphertext");

    /** What one person does; the steps are the same for both, the data is not. */
    record Person(String name, String password, int firstCard, int secondCard, int firstStars, int secondStars,
                  String age, String gender, String occupation, int recStars, String search) {
    }

    static final Person ANNA = new Person("anna", "anna's secret phrase", 0, 1, 5, 4, "34", "F", "engineer", 5, "the");
    static final Person BORIS = new Person("boris", "a different password!", 4, 2, 1, 2, "", "M", "", 2, "love");

    ServerHandle server;
    Visit anna;
    Visit boris;

    /** What a run left behind: both logs, the stored values and the movies rated. */
    record Visit(List<String> clientLog, List<PageRequest> clientRequests, List<String> serverLog,
                 List<RequestRecord> serverRecords, Map<String, Object> storage, Map<Integer, String> rated) {
    }

    @BeforeAll
    void runBoth() {
        MiniModel mini = MiniModel.standard();
        server = ServerHandle.startWith(mini.overrides());
        anna = run(ANNA, mini);
        boris = run(BORIS, mini);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Visit run(Person who, MiniModel mini) {
        server.requestLog().clear();
        try (HtmlUnitBrowser browser = HtmlUnitBrowser.start()) {
            HtmlUnitApp app = HtmlUnitApp.open(browser, server);
            app.createProfile(who.name(), who.password());
            app.waitUntil("onboarding", p -> "onboarding".equals(app.view()));
            Map<Integer, String> rated = new java.util.LinkedHashMap<>();
            rateOnboardingCard(app, who.firstCard(), who.firstStars(), rated);
            rateOnboardingCard(app, who.secondCard(), who.secondStars(), rated);
            app.type("profile-age", who.age());
            app.type("profile-gender", who.gender());
            app.type("profile-occupation", who.occupation());
            app.click("profile-save");
            assertEquals("", app.errorText());
            app.click("onboarding-done");
            int top = app.recommendationIds().get(0);
            rated.put(top, titleOf(app, top));
            app.rateRecommendation(top, who.recStars());
            app.click(app.page().<DomElement>querySelector("[data-testid=rec-card] [data-testid=dismiss]"));
            app.type("search-input", who.search());
            app.waitUntil("search", p -> !app.text("search-summary").isEmpty());
            for (String page : List.of("nav-ratings", "nav-privacy", "nav-model", "nav-settings", "nav-home")) {
                app.click(page);
            }
            app.click("nav-lock");
            Map<String, Object> storage = app.localStorage();

            HtmlUnitApp again = HtmlUnitApp.open(browser, server);
            again.unlock(who.name(), who.password());
            again.waitUntil("home", p -> "home".equals(again.view()));
            again.click("nav-lock");
            browser.assertNoScriptErrors();
            List<PageRequest> requests = browser.requests();
            List<String> clientLog = requests.stream().map(r -> r.method() + " " + r.url()).toList();
            return new Visit(clientLog, requests,
                    server.requestLines(), server.requestLog().records(), storage, rated);
        }
    }

    private static void rateOnboardingCard(HtmlUnitApp app, int position, int stars, Map<Integer, String> rated) {
        DomElement card = app.findAll("[data-testid=onboarding-card]").get(position);
        int id = HtmlUnitApp.movieId(card);
        rated.put(id, titleOf(app, id));
        app.click(app.page().<DomElement>querySelector("[data-testid=onboarding-card][data-movie-id=\"" + id
                + "\"] [data-testid=rate-" + stars + "]"));
    }

    private static String titleOf(HtmlUnitApp app, int id) {
        return app.page().<DomElement>querySelector("[data-movie-id=\"" + id + "\"] [data-testid=title]").getTextContent();
    }

    @Test
    void theTwoPeopleReallyHadDifferentData() {
        assertNotEquals(anna.rated().keySet(), boris.rated().keySet());
        assertNotEquals(anna.storage().keySet(), boris.storage().keySet());
    }

    @Test
    void differentUsersDoingTheSameStepsMakeIdenticalRequests() {
        assertEquals(anna.clientLog(), boris.clientLog(), "what each browser requested, in order");
        assertEquals(anna.serverLog(), boris.serverLog(), "what the server saw, in order");
        assertEquals(2, anna.serverLog().stream().filter(l -> l.equals("GET /")).count(), "two page loads");
        assertEquals(2, anna.serverLog().stream().filter(l -> l.equals("GET /models/manifest.json")).count(),
                "each checks the manifest: " + anna.serverLog());
        assertEquals(anna.clientLog().size(), anna.serverLog().size(), "the server saw every request the page made");
    }

    @Test
    void everyRequestIsAPlainSameOriginGetOfAStaticFile() {
        for (Visit v : List.of(anna, boris)) {
            for (PageRequest r : v.clientRequests()) {
                assertEquals("GET", r.method(), r.toString());
                assertTrue(r.url().startsWith(server.url()), "same origin only: " + r.url());
                assertFalse(r.url().contains("?") || r.url().contains("#"), "no query: " + r.url());
                assertEquals("", r.body(), "no body: " + r);
                assertEquals("", r.cookieHeader(), "no cookie: " + r);
            }
            for (RequestRecord r : v.serverRecords()) {
                assertEquals("GET", r.method(), r.logLine());
                assertFalse(r.hadQuery(), r.logLine());
                assertFalse(r.hadBody(), r.logLine());
                assertFalse(r.hadCookie(), r.logLine());
                assertEquals(200, r.status(), "a file the site serves: " + r.logLine());
                assertTrue(server.site().find(r.path().equals("/") ? "index.html" : r.path().substring(1)).isPresent(),
                        "a static file of the site: " + r.path());
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void storedVaultHoldsNoPlaintext() {
        for (Visit v : List.of(anna, boris)) {
            // The vault, and (HtmlUnit has no IndexedDB) its revision ledger: a number, like the record's clear revision.
            assertEquals(2, v.storage().size(), "the vault and its revision hint: " + v.storage().keySet());
            String vaultKey = v.storage().keySet().stream().filter(k -> k.startsWith("privrec.vault.")).findFirst()
                    .orElseThrow();
            String seen = String.valueOf(v.storage().get("privrec.seen." + vaultKey.substring("privrec.vault.".length())));
            assertTrue(seen.matches("[0-9]+"), "the ledger holds only a revision number: " + seen);
            String value = String.valueOf(v.storage().get(vaultKey));
            Map<String, Object> record = Json.parseObject(value, "vault");
            assertEquals(ENVELOPE, record.keySet(), "only envelope fields, no ratings/profile/settings fields");
            for (Map.Entry<Integer, String> movie : v.rated().entrySet()) {
                assertFalse(value.contains(movie.getValue()), "the title of a rated movie is not stored: " + movie);
                assertFalse(value.contains("\"movie\""), "no movie field");
                for (Map.Entry<String, Object> field : record.entrySet()) {
                    if (!Set.of("version", "iterations", "revision").contains(field.getKey())) {
                        // Every other field is text: base64 or a fixed name. (The three counters are public.)
                        assertTrue(field.getValue() instanceof String, field.toString());
                        assertNotEquals(String.valueOf(movie.getKey()), field.getValue(), "the id is no field's value");
                    }
                }
            }
            for (String key : List.of("salt", "checkIv", "check", "iv", "ciphertext")) {
                assertTrue(((String) record.get(key)).matches("[A-Za-z0-9+/]+=*"), key + " is base64 only");
            }
            List<String> secrets = new ArrayList<>(List.of(ANNA.password(), BORIS.password(), "engineer"));
            for (String secret : secrets) {
                assertFalse(value.contains(secret), "no password or profile text at rest");
            }
        }
    }
}
