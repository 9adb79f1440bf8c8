package privrec.webapp.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.htmlunit.html.DomElement;
import org.junit.jupiter.api.Test;
import privrec.webapp.HtmlUnitBrowser;
import privrec.webapp.ServerHandle;

/**
 * Two people on one device = one HtmlUnit profile, one localStorage. The second sees the first's name in the
 * profile list and nothing else: not in the list, not on any page after unlocking their own profile, and a record
 * copied over from the other profile does not open.
 */
class SharedDeviceTest {
    static final String ALICE_PASSWORD = "alice's long password";
    static final String BOB_PASSWORD = "bob's other password";

    @Test
    void secondUserOnTheSameBrowserSeesOnlyTheFirstUsersName() {
        MiniModel mini = MiniModel.standard();
        try (ServerHandle server = ServerHandle.startWith(mini.overrides());
             HtmlUnitBrowser browser = HtmlUnitBrowser.start()) {
            HtmlUnitApp app = HtmlUnitApp.open(browser, server);
            app.createProfile("alice", ALICE_PASSWORD);
            List<Integer> aliceRated = app.onboard(3);
            int aliceFromList = app.recommendationIds().get(0);
            app.rateRecommendation(aliceFromList, 4);
            app.click("nav-lock");

            // The profile list: names only.
            List<DomElement> options = app.findAll("[data-testid=profile-option]");
            assertEquals(1, options.size());
            assertEquals("alice", options.get(0).getAttribute("data-name"));
            assertEquals("alice", app.text("profile-list"), "the list shows the name and nothing else");

            app.createProfile("bob", BOB_PASSWORD);
            app.waitUntil("bob's onboarding", p -> "onboarding".equals(app.view()));
            assertNoTraceOfAlice(app, aliceRated, aliceFromList);
            assertTrue(app.findAll("[aria-pressed=true]").isEmpty(), "no movie shows as rated for bob");
            app.click("onboarding-done");
            assertFalse(app.recommendationIds().isEmpty());
            assertNoTraceOfAlice(app, aliceRated, aliceFromList);
            app.click("nav-ratings");
            assertEquals("0", app.find("ratings-list") == null ? "0" : app.find("ratings-list").getAttribute("data-count"));
            assertTrue(app.find("ratings-empty") != null, "bob has no ratings");
            app.click("nav-privacy");
            String json = app.text("privacy-json");
            for (int id : aliceRated) {
                assertFalse(json.contains("\"movie\":" + id) || json.contains("\"movie\": " + id),
                        "bob's decrypted data holds none of alice's movies: " + json);
            }
            assertNoTraceOfAlice(app, aliceRated, aliceFromList);
            app.click("nav-lock");
            assertEquals(List.of("alice", "bob"), app.findAll("[data-testid=profile-option]").stream()
                    .map(e -> e.getAttribute("data-name")).toList());
            browser.assertNoScriptErrors();
        }
    }

    @Test
    void aVaultRecordCopiedUnderAnotherNameDoesNotOpen() {
        try (ServerHandle server = ServerHandle.startWith(MiniModel.standard().overrides());
             HtmlUnitBrowser browser = HtmlUnitBrowser.start()) {
            HtmlUnitApp app = HtmlUnitApp.open(browser, server);
            app.createProfile("alice", ALICE_PASSWORD);
            app.waitIdle();
            app.click("nav-lock");
            app.createProfile("mallory", BOB_PASSWORD);
            app.waitIdle();
            app.click("nav-lock");
            String alice = app.storedVault("alice");
            String mallory = app.storedVault("mallory");

            // Mallory puts her own record under alice's name: her password passes the key check, but the
            // ciphertext is bound to the name "mallory" and must not open as alice.
            app.setStoredVault("alice", mallory);
            app.unlock("alice", BOB_PASSWORD);
            assertEquals("locked", app.state(), "not opened: " + app.text("status"));
            assertNotEquals("", app.errorText(), "and says why");
            assertEquals(mallory, app.storedVault("alice"), "nothing overwritten");
            assertNull(app.find("rec-list"));

            app.setStoredVault("alice", alice);
            app.unlock("alice", ALICE_PASSWORD);
            assertEquals("", app.errorText());
            assertTrue(app.bodyAttr("data-state").matches("ready|loading"), app.state());
            browser.assertNoScriptErrors();
        }
    }

    private static void assertNoTraceOfAlice(HtmlUnitApp app, List<Integer> aliceRated, int aliceFromList) {
        String text = app.bodyText();
        assertFalse(text.contains("alice"), "no trace of alice's name on bob's pages: " + app.view());
        assertFalse(text.contains("You rated it"), "no rating shown on bob's pages");
        assertFalse(text.contains("Rated "), "no status or undo about alice's ratings");
        Map<String, Object> storage = app.localStorage();
        assertEquals(java.util.Set.of("privrec.vault.alice", "privrec.seen.alice", "privrec.vault.bob", "privrec.seen.bob"),
                storage.keySet(), "two vaults and their revision numbers, nothing else stored");
    }
}
