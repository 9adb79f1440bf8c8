package privrec.webapp.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlPage;
import privrec.webapp.HtmlUnitBrowser;
import privrec.webapp.ServerHandle;

/**
 * Drives the real app in HtmlUnit through its published hooks only ({@code data-testid}, {@code <body data-*>},
 * see {@code privrec.client.ui} package-info): clicks real buttons, types into real inputs (with input events),
 * waits for {@code data-busy="false"}. One instance per page visit; the {@link HtmlUnitBrowser} (= one browser
 * profile, one localStorage) may outlive it.
 */
final class HtmlUnitApp {
    /** Model load, PBKDF2 at 600,000 iterations (JDK, ~0.5 s) and interpreted JS on a busy 2-core machine. */
    static final Duration WAIT = Duration.ofSeconds(60);

    final HtmlUnitBrowser browser;
    final ServerHandle server;
    private HtmlPage page;

    private HtmlUnitApp(HtmlUnitBrowser browser, ServerHandle server) {
        this.browser = browser;
        this.server = server;
    }

    /** Opens the site's start page and waits until the app has drawn its first screen. */
    static HtmlUnitApp open(HtmlUnitBrowser browser, ServerHandle server) {
        HtmlUnitApp app = new HtmlUnitApp(browser, server);
        app.page = browser.open(server.url());
        app.waitUntil("the app's first screen", p -> p.getBody().hasAttribute("data-view") && !busy(p));
        return app;
    }

    HtmlPage page() {
        return page;
    }

    // ---- state -----------------------------------------------------------------------------------------------

    String bodyAttr(String name) {
        return page.getBody().getAttribute(name);
    }

    String view() {
        return bodyAttr("data-view");
    }

    String state() {
        return bodyAttr("data-state");
    }

    int renderCount() {
        String v = bodyAttr("data-render-count");
        return v.isEmpty() ? 0 : Integer.parseInt(v);
    }

    private static boolean busy(HtmlPage p) {
        return !"false".equals(p.getBody().getAttribute("data-busy"));
    }

    void waitUntil(String what, java.util.function.Predicate<HtmlPage> condition) {
        try {
            browser.waitFor(page, WAIT, condition);
        } catch (AssertionError e) {
            throw new AssertionError("waiting for " + what + " (view " + view() + ", state " + state() + ", error '"
                    + errorText() + "', status '" + text("status") + "', model '" + text("model-status") + "'): "
                    + e.getMessage(), e);
        }
    }

    /** Waits until no action is queued or running. */
    void waitIdle() {
        waitUntil("data-busy=false", p -> !busy(p));
    }

    /** Waits until the model is loaded (or failed) and the screen shows it. */
    void waitModelSettled() {
        waitUntil("model ready or failed", p -> {
            DomElement line = p.getElementById("model-status");
            String phase = line == null ? "" : line.getAttribute("data-phase");
            return ("ready".equals(phase) || "failed".equals(phase)) && !busy(p);
        });
    }

    // ---- elements --------------------------------------------------------------------------------------------

    DomElement find(String testId) {
        return page.querySelector("[data-testid=\"" + testId + "\"]");
    }

    List<DomElement> findAll(String selector) {
        List<DomElement> out = new ArrayList<>();
        for (DomNode n : page.querySelectorAll(selector)) {
            out.add((DomElement) n);
        }
        return out;
    }

    /** Trimmed text of the element with this test id, or "" when absent or hidden. */
    String text(String testId) {
        DomElement e = find(testId);
        return e == null || e.hasAttribute("hidden") ? "" : e.getTextContent().trim();
    }

    String errorText() {
        return text("error");
    }

    /** Clicks the element with this test id, as a user would, and waits for the app to finish the action. */
    void click(String testId) {
        DomElement e = find(testId);
        if (e == null) {
            throw new AssertionError("no [data-testid=" + testId + "] in view " + view());
        }
        click(e);
    }

    /** Clicks an element and waits until the re-rendered screen is up. */
    void click(DomElement e) {
        int before = renderCount();
        try {
            ((HtmlElement) e).click();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        waitUntil("re-render after click", p -> !busy(p) && renderCount() > before);
    }

    /** Sets an input's value and fires the input event the app listens to. */
    void type(String testId, String value) {
        DomElement e = find(testId);
        if (e == null) {
            throw new AssertionError("no input [data-testid=" + testId + "] in view " + view());
        }
        page.executeJavaScript("(function (el, v) { el.value = v; el.dispatchEvent(new Event('input', {bubbles: true})); })"
                + "(document.querySelector('[data-testid=\"" + testId + "\"]'), " + jsString(value) + ");");
    }

    // ---- flows -----------------------------------------------------------------------------------------------

    /** New profile: name, password twice, submit; lands on onboarding once the model is ready. */
    void createProfile(String name, String password) {
        goToProfiles();
        type("unlock-name", name);
        if (!"create".equals(bodyAttr("data-unlock-mode"))) {
            throw new AssertionError("a new name should switch the form to create mode");
        }
        type("unlock-password", password);
        type("unlock-password2", password);
        click("unlock-submit");
    }

    /** Existing profile: name, password, submit. Does not assert success (wrong-password tests use it too). */
    void unlock(String name, String password) {
        goToProfiles();
        type("unlock-name", name);
        type("unlock-password", password);
        click("unlock-submit");
    }

    private void goToProfiles() {
        if (!"unlock".equals(view())) {
            click("nav-unlock");
        }
    }

    /** Onboarding: rate the first {@code count} offered movies 5, 4, 3… stars, then "Show my recommendations". */
    List<Integer> onboard(int count) {
        waitUntil("onboarding", p -> "onboarding".equals(p.getBody().getAttribute("data-view")) && !busy(p));
        List<Integer> rated = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Cards are rebuilt on every render: look the next one up afresh.
            List<DomElement> cards = findAll("[data-testid=onboarding-card]");
            DomElement card = null;
            for (DomElement c : cards) {
                if (!rated.contains(movieId(c))) {
                    card = c;
                    break;
                }
            }
            if (card == null) {
                throw new AssertionError("only " + cards.size() + " onboarding cards");
            }
            rated.add(movieId(card));
            DomElement star = page.querySelector("[data-testid=onboarding-card][data-movie-id=\"" + movieId(card)
                    + "\"] [data-testid=rate-" + Math.max(1, 5 - i) + "]");
            click(star);
        }
        click("onboarding-done");
        waitUntil("home", p -> "home".equals(p.getBody().getAttribute("data-view")) && !busy(p));
        return rated;
    }

    /** Movie ids of the recommendation cards, in rank order. */
    List<Integer> recommendationIds() {
        return findAll("[data-testid=rec-card]").stream().map(HtmlUnitApp::movieId).toList();
    }

    DomElement recCard(int movieId) {
        return page.querySelector("[data-testid=rec-card][data-movie-id=\"" + movieId + "\"]");
    }

    /** Rates a recommended movie and waits for the re-ranked list. */
    void rateRecommendation(int movieId, int stars) {
        DomElement card = recCard(movieId);
        if (card == null) {
            throw new AssertionError("movie " + movieId + " is not recommended: " + recommendationIds());
        }
        DomElement star = page.querySelector("[data-testid=rec-card][data-movie-id=\"" + movieId
                + "\"] [data-testid=rate-" + stars + "]");
        click(star);
    }

    static int movieId(DomElement card) {
        return Integer.parseInt(card.getAttribute("data-movie-id"));
    }

    /** Every localStorage key → value of this origin (read by page script, as another page of the site could). */
    @SuppressWarnings("unchecked")
    Map<String, Object> localStorage() {
        return (Map<String, Object>) browser.eval(page, "(function () { var o = {};"
                + " for (var i = 0; i < localStorage.length; i++) { var k = localStorage.key(i); o[k] = localStorage.getItem(k); }"
                + " return o; })()");
    }

    String storedVault(String name) {
        Object v = localStorage().get("privrec.vault." + name);
        return v == null ? null : v.toString();
    }

    void setStoredVault(String name, String text) {
        page.executeJavaScript("localStorage.setItem(" + jsString("privrec.vault." + name) + ", " + jsString(text) + ");");
    }

    /** Visible text of the page body. */
    String bodyText() {
        return page.getBody().getTextContent();
    }

    static String jsString(String s) {
        StringBuilder b = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\'' -> b.append("\\'");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '<' -> b.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('\'').toString();
    }
}
