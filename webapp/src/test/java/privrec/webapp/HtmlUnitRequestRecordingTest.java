package privrec.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * The privacy proof relies on seeing everything a page sends. A deliberately leaky page shows the recorder and the
 * server log catch each kind of leak: body, query string, cookie, non-GET method.
 */
class HtmlUnitRequestRecordingTest {

    @Test
    void bodiesQueriesCookiesAndMethodsAreAllVisible() {
        try (ServerHandle server = ServerHandle.startWith(TestPages.blankPageAndTinyModel());
             HtmlUnitBrowser browser = HtmlUnitBrowser.start()) {
            HtmlPage page = browser.open(server.url(TestPages.BLANK));
            browser.clearRequests();
            server.requestLog().clear();
            browser.evalAsync(page, "document.cookie = 'who=alice; path=/';"
                    + "var x = new XMLHttpRequest(); x.open('POST', '/collect'); x.onloadend = function () {"
                    + "  var y = new XMLHttpRequest(); y.open('GET', '/boot.js?user=alice');"
                    + "  y.onloadend = function () { done(x.status + ',' + y.status); }; y.send(); };"
                    + "x.send('ratings=5');", Duration.ofSeconds(10));

            List<RecordingWebConnection.PageRequest> seen = browser.requests();
            assertEquals(3, seen.size(), seen.toString());
            assertTrue(seen.get(2).url().endsWith("/boot.js"), "the redirect without the query is followed");
            assertEquals("POST", seen.get(0).method());
            assertEquals("ratings=5", seen.get(0).body());
            assertEquals("who=alice", seen.get(0).cookieHeader());
            assertTrue(seen.get(1).url().endsWith("/boot.js?user=alice"));

            List<RequestRecord> log = server.requestLog().records();
            assertEquals(405, log.get(0).status(), "the server refuses the POST");
            assertTrue(log.get(0).hadCookie() && log.get(0).hadBody());
            assertEquals(301, log.get(1).status(), "and redirects the query string away");
            assertTrue(log.get(1).hadQuery());
            assertFalse(log.get(1).logLine().contains("alice"), "the query's text is never logged");
        }
    }
}
