package privrec.webapp.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import privrec.webapp.HtmlUnitBrowser;
import privrec.webapp.ServerHandle;

/**
 * What the stored vault survives, in HtmlUnit on the real site (small model, see {@link MiniModel}): an edited
 * record is refused with a clear message and is never overwritten, and a full localStorage leaves the previous
 * vault as it was. Each test uses its own browser profile (its own localStorage) on one shared server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorageFailuresTest {
    static final String PASSWORD = "storage test password";
    static final String FILLER_KEY = "privrec.test.filler";

    ServerHandle server;

    @BeforeAll
    void start() {
        server = ServerHandle.startWith(MiniModel.standard().overrides());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void tamperedVaultIsRefusedWithAClearErrorNothingIsOverwrittenAndTheRawDataCanBeExported() {
        try (HtmlUnitBrowser browser = HtmlUnitBrowser.start()) {
            HtmlUnitApp app = HtmlUnitApp.open(browser, server);
            app.createProfile("tess", PASSWORD);
            app.onboard(2);
            app.click("nav-lock");
            String original = app.storedVault("tess");
            String tampered = flipCiphertextChar(original);
            assertNotEquals(original, tampered);
            app.setStoredVault("tess", tampered);
            captureDownloads(app);

            app.unlock("tess", PASSWORD);
            assertEquals("unlock", app.view(), "an edited vault is not opened");
            assertEquals("locked", app.state());
            String error = app.errorText().toLowerCase();
            assertTrue(error.contains("modified") || error.contains("corrupt") || error.contains("damaged"),
                    "says the data was modified, not that the password is wrong: " + app.errorText());
            assertNotNull(app.find("corrupted"), "offers the recovery panel");
            assertEquals(tampered, app.storedVault("tess"), "nothing was overwritten");

            app.click("export-raw");
            app.waitUntil("the export", p -> downloads(app).size() == 1);
            assertEquals(tampered, downloads(app).get(0), "the raw export is exactly the stored text");
            assertEquals(tampered, app.storedVault("tess"), "exporting changes nothing");
            assertNotNull(app.find("reset-profile"), "and a deliberate reset is on offer");
            browser.assertNoScriptErrors();
        }
    }

    @Test
    void fullStorageShowsAMessageAndKeepsThePreviousVault() {
        try (HtmlUnitBrowser browser = HtmlUnitBrowser.start()) {
            HtmlUnitApp app = HtmlUnitApp.open(browser, server);
            app.createProfile("quinn", PASSWORD);
            List<Integer> onboarded = app.onboard(1);
            String before = app.storedVault("quinn");
            int target = app.recommendationIds().get(0);

            int filled = fillLocalStorage(app);
            assertTrue(filled > 5_000_000, "filled the quota up to the last char: " + filled);
            // The plaintext is padded to a size bucket, so one more rating re-encrypts to a record of the same length
            // and replaces it in place even in a storage that is completely full.
            app.rateRecommendation(target, 5);
            assertEquals("", app.errorText(), "a rating within the same size bucket still saves");
            String afterRating = app.storedVault("quinn");
            assertNotEquals(before, afterRating);
            assertEquals(before.length(), afterRating.length(), "same bucket, same record length");

            // A second profile does not fit: said, nothing half-written, the first profile untouched.
            app.click("nav-lock");
            app.createProfile("rhea", PASSWORD);
            assertTrue(app.errorText().toLowerCase().contains("full"), "says the storage is full: " + app.errorText());
            assertEquals(null, app.storedVault("rhea"), "nothing half-written");
            assertEquals(afterRating, app.storedVault("quinn"), "the previous vault is intact, byte for byte");

            // Once there is room again, the data opens and the same action succeeds.
            app.page().executeJavaScript("localStorage.removeItem('" + FILLER_KEY + "');");
            app.unlock("quinn", PASSWORD);
            app.waitUntil("home", p -> "home".equals(app.view()));
            app.click("nav-ratings");
            assertEquals("2", app.find("ratings-list").getAttribute("data-count"), "the onboarding rating and the one saved in place");
            assertNotNull(app.page().querySelector("[data-testid=rating-row][data-movie-id=\"" + onboarded.get(0) + "\"]"));
            app.click("nav-lock");
            app.createProfile("rhea", PASSWORD);
            assertEquals("", app.errorText());
            assertNotNull(app.storedVault("rhea"), "saved now");
            browser.assertNoScriptErrors();
        }
    }

    @Test
    void anOlderCopyPutBackIsReportedOnUnlockAndTheNextSaveGoesAboveIt() {
        try (HtmlUnitBrowser browser = HtmlUnitBrowser.start()) {
            HtmlUnitApp app = HtmlUnitApp.open(browser, server);
            app.createProfile("rolf", PASSWORD);
            app.onboard(1);
            String older = app.storedVault("rolf");
            app.rateRecommendation(app.recommendationIds().get(0), 4);
            app.rateRecommendation(app.recommendationIds().get(0), 5);
            app.click("nav-lock");
            app.page().executeJavaScript("localStorage.setItem('privrec.vault.rolf', " + jsString(older) + ");");

            app.unlock("rolf", PASSWORD);
            app.waitUntil("home", p -> "home".equals(app.view()));
            String warning = app.text("vault-warning");
            assertTrue(warning.contains("older than what this browser last saw"), "reported: " + warning);
            app.rateRecommendation(app.recommendationIds().get(0), 3);
            app.click("nav-lock");
            app.unlock("rolf", PASSWORD);
            app.waitUntil("home", p -> "home".equals(app.view()));
            assertEquals("", app.text("vault-warning"), "reported once, then written above it");
            browser.assertNoScriptErrors();
        }
    }

    private static String jsString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
    }

    /** Flips one base64 character in the middle of the record's "ciphertext" field (still valid base64). */
    static String flipCiphertextChar(String record) {
        int field = record.indexOf("\"ciphertext\"");
        int start = record.indexOf('"', record.indexOf(':', field)) + 1;
        int end = record.indexOf('"', start);
        int at = (start + end) / 2;
        char c = record.charAt(at);
        char flipped = c == 'A' ? 'B' : 'A';
        return record.substring(0, at) + flipped + record.substring(at + 1);
    }

    /** Fills localStorage with one filler value until not one more char fits; returns the filler's length. */
    static int fillLocalStorage(HtmlUnitApp app) {
        Object n = app.browser.eval(app.page(), "(function () { var k = '" + FILLER_KEY + "', lo = 0, hi = 5200000;"
                + " var big = new Array(hi + 1).join('x');"
                + " while (lo < hi) { var mid = Math.ceil((lo + hi) / 2);"
                + "   try { localStorage.setItem(k, big.substring(0, mid)); lo = mid; } catch (e) { hi = mid - 1; } }"
                + " localStorage.setItem(k, big.substring(0, lo)); return lo; })()");
        return ((Number) n).intValue();
    }

    /** Records the text of every Blob the page turns into a URL (how the app saves files), in window.__downloads. */
    static void captureDownloads(HtmlUnitApp app) {
        app.page().executeJavaScript("window.__downloads = []; (function () { var create = URL.createObjectURL;"
                + " URL.createObjectURL = function (blob) { var r = new FileReader();"
                + "   r.onload = function () { window.__downloads.push(r.result); }; r.readAsText(blob);"
                + "   return create.call(URL, blob); }; })();");
    }

    @SuppressWarnings("unchecked")
    static List<String> downloads(HtmlUnitApp app) {
        Object v = app.browser.eval(app.page(), "window.__downloads || []");
        return (List<String>) v;
    }
}
