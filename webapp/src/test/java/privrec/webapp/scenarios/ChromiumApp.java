package privrec.webapp.scenarios;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import privrec.webapp.ChromiumBrowser;

/**
 * Drives the real app in headless Chromium through its published hooks ({@code data-testid}, {@code <body data-*>},
 * {@code window.privrecBench}); the Chromium counterpart of {@code HtmlUnitApp}, shared with the benchmark.
 * Clicks are the element's own {@code click()} (a trusted-enough event for the app's listeners, and no WebDriver
 * round trip per pointer event), followed by a wait for {@code data-busy="false"} and a new render.
 */
public final class ChromiumApp {
    public static final Duration WAIT = Duration.ofSeconds(60);

    private final ChromiumBrowser chrome;

    public ChromiumApp(ChromiumBrowser chrome) {
        this.chrome = chrome;
    }

    public ChromiumBrowser chrome() {
        return chrome;
    }

    /** Loads the page and waits for the app's first screen. */
    public void open(String url) {
        chrome.open(url);
        chrome.waitUntil(WAIT, "document.body.hasAttribute('data-view') && document.body.getAttribute('data-busy') === 'false'");
    }

    public String bodyAttr(String name) {
        return (String) chrome.execute("return document.body.getAttribute(arguments[0]);", name);
    }

    public String view() {
        return bodyAttr("data-view");
    }

    public String state() {
        return bodyAttr("data-state");
    }

    public double bodyNumber(String name) {
        String v = bodyAttr(name);
        return v == null ? Double.NaN : Double.parseDouble(v);
    }

    /** Text of the element with this test id ("" when absent or hidden). */
    public String text(String testId) {
        Object v = chrome.execute("var e = document.querySelector('[data-testid=\"' + arguments[0] + '\"]');"
                + " return !e || e.hidden ? '' : e.textContent.trim();", testId);
        return (String) v;
    }

    public boolean exists(String selector) {
        return Boolean.TRUE.equals(chrome.execute("return document.querySelector(arguments[0]) !== null;", selector));
    }

    public void waitUntil(String jsCondition) {
        try {
            chrome.waitUntil(WAIT, jsCondition);
        } catch (RuntimeException e) {
            throw new AssertionError("waiting for " + jsCondition + " (view " + view() + ", state " + state()
                    + ", error '" + text("error") + "', model '" + text("model-status") + "'); console: "
                    + chrome.consoleMessages(), e);
        }
    }

    public void waitModelSettled() {
        waitUntil("(function () { var m = document.getElementById('model-status');"
                + " return m && (m.getAttribute('data-phase') === 'ready' || m.getAttribute('data-phase') === 'failed')"
                + " && document.body.getAttribute('data-busy') === 'false'; })()");
    }

    /** Clicks the first element matching {@code selector} and waits until the app re-rendered and is idle. */
    public void clickSelector(String selector) {
        Object ok = chrome.execute("var e = document.querySelector(arguments[0]); if (!e) return false;"
                + " window.__privrecRenders = Number(document.body.getAttribute('data-render-count') || 0);"
                + " e.click(); return true;", selector);
        if (!Boolean.TRUE.equals(ok)) {
            throw new AssertionError("nothing matches " + selector + " in view " + view());
        }
        waitUntil("document.body.getAttribute('data-busy') === 'false'"
                + " && Number(document.body.getAttribute('data-render-count')) > window.__privrecRenders");
    }

    public void click(String testId) {
        clickSelector("[data-testid=\"" + testId + "\"]");
    }

    /** Sets an input's or select's value and fires the input event the app listens to. */
    public void type(String testId, String value) {
        Object ok = chrome.execute("var e = document.querySelector('[data-testid=\"' + arguments[0] + '\"]');"
                + " if (!e) return false; e.value = arguments[1];"
                + " e.dispatchEvent(new Event('input', {bubbles: true})); return true;", testId, value);
        if (!Boolean.TRUE.equals(ok)) {
            throw new AssertionError("no input " + testId + " in view " + view());
        }
    }

    public void createProfile(String name, String password) {
        if (!"unlock".equals(view())) {
            click("nav-unlock");
        }
        type("unlock-name", name);
        type("unlock-password", password);
        type("unlock-password2", password);
        click("unlock-submit");
    }

    public void unlock(String name, String password) {
        if (!"unlock".equals(view())) {
            click("nav-unlock");
        }
        type("unlock-name", name);
        type("unlock-password", password);
        click("unlock-submit");
    }

    public void waitForView(String view) {
        waitUntil("document.body.getAttribute('data-view') === '" + view + "'"
                + " && document.body.getAttribute('data-busy') === 'false'");
    }

    /** Movie ids of the cards matching {@code cardTestId} (rec-card, onboarding-card, …), in order. */
    @SuppressWarnings("unchecked")
    public List<Integer> ids(String cardTestId) {
        List<Object> v = (List<Object>) chrome.execute("return Array.from(document.querySelectorAll("
                + "'[data-testid=\"' + arguments[0] + '\"]')).map(function (e) { return Number(e.getAttribute('data-movie-id')); });",
                cardTestId);
        return v.stream().map(o -> ((Number) o).intValue()).toList();
    }

    /** Movie id → raw model score (data-score) of the recommendation cards on screen, in rank order. */
    @SuppressWarnings("unchecked")
    public Map<Integer, Double> shownScores() {
        List<List<Object>> v = (List<List<Object>>) chrome.execute("return Array.from("
                + "document.querySelectorAll('[data-testid=rec-card]')).map(function (c) {"
                + "  return [c.getAttribute('data-movie-id'), c.querySelector('[data-testid=score]').getAttribute('data-score')]; });");
        Map<Integer, Double> out = new java.util.LinkedHashMap<>();
        v.forEach(pair -> out.put(Integer.parseInt(String.valueOf(pair.get(0))), Double.parseDouble(String.valueOf(pair.get(1)))));
        return out;
    }

    /** Rates the card for {@code movieId} (within cards of {@code cardTestId}) and waits for the new screen. */
    public void rate(String cardTestId, int movieId, int stars) {
        clickSelector("[data-testid=\"" + cardTestId + "\"][data-movie-id=\"" + movieId + "\"] [data-testid=\"rate-" + stars + "\"]");
    }

    public String localStorageItem(String key) {
        return (String) chrome.execute("return localStorage.getItem(arguments[0]);", key);
    }

    /** Calls an async page function: {@code script} gets {@code done} as its last argument. */
    public Object async(String body, Object... args) {
        return chrome.executeAsync("var done = arguments[arguments.length - 1];" + body, args);
    }

    /** Picks a select's option (or sets an input and commits it) with a change event; waits for the re-render. */
    public void choose(String testId, String value) {
        Object ok = chrome.execute("var e = document.querySelector('[data-testid=\"' + arguments[0] + '\"]');"
                + " if (!e) return false;"
                + " window.__privrecRenders = Number(document.body.getAttribute('data-render-count') || 0);"
                + " e.value = arguments[1]; e.dispatchEvent(new Event('change', {bubbles: true})); return true;",
                testId, value);
        if (!Boolean.TRUE.equals(ok)) {
            throw new AssertionError("no [data-testid=" + testId + "] in view " + view());
        }
        waitUntil("document.body.getAttribute('data-busy') === 'false'"
                + " && Number(document.body.getAttribute('data-render-count')) > window.__privrecRenders");
    }

    /** The browser's Back button; waits until {@code view} is rendered and the app is idle. */
    public void back(String view) {
        chrome.driver().navigate().back();
        waitForView(view);
    }

    /** The browser's Forward button; waits until {@code view} is rendered and the app is idle. */
    public void forward(String view) {
        chrome.driver().navigate().forward();
        waitForView(view);
    }

    /** The address's fragment ("#/movie/50"). */
    public String hash() {
        return (String) chrome.execute("return location.hash;");
    }

    /** How many resources the page has requested so far (Resource Timing: every fetch, script, image…). */
    public long resourceCount() {
        return ((Number) chrome.execute("return performance.getEntriesByType('resource').length;")).longValue();
    }

    /** True when a profile is open (the Lock button is shown). */
    public boolean isUnlockedView() {
        return exists("[data-testid=nav-lock]");
    }
}
