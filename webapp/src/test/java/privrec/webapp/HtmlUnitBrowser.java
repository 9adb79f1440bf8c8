package privrec.webapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.htmlunit.BrowserVersion;
import org.htmlunit.ScriptException;
import org.htmlunit.WebClient;
import org.htmlunit.WebConsole;
import org.htmlunit.corejs.javascript.ConsString;
import org.htmlunit.corejs.javascript.NativeArray;
import org.htmlunit.corejs.javascript.Scriptable;
import org.htmlunit.corejs.javascript.ScriptableObject;
import org.htmlunit.corejs.javascript.Undefined;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.javascript.JavaScriptErrorListener;

/**
 * Test fixture: an HtmlUnit 5.7 "Chrome" with the test bridge (real ONNX Runtime Java behind {@code ort}, the JDK's
 * PBKDF2 behind {@code crypto.subtle}) and a recording of every request the page makes. One instance = one browser
 * profile: localStorage persists across pages until {@link #close()}.
 *
 * <pre>{@code
 * try (ServerHandle server = ServerHandle.start(); HtmlUnitBrowser browser = HtmlUnitBrowser.start()) {
 *     HtmlPage page = browser.open(server.url());
 *     browser.waitFor(page, Duration.ofSeconds(10), p -> p.getElementById("home") != null);
 *     assertTrue(browser.requests().stream().allMatch(r -> r.method().equals("GET") && r.body().isEmpty()));
 * }
 * }</pre>
 */
public final class HtmlUnitBrowser implements AutoCloseable {

    private static final String ASYNC_RESULT = "__privrecAsyncResult";

    private final WebClient client;
    private final RecordingWebConnection connection;
    private final OrtBridge ort = new OrtBridge();
    private final Pbkdf2Bridge pbkdf2 = new Pbkdf2Bridge();
    private final List<String> console = Collections.synchronizedList(new ArrayList<>());
    private final List<String> scriptErrors = Collections.synchronizedList(new ArrayList<>());

    private HtmlUnitBrowser(boolean fetchPolyfill) {
        client = new WebClient(BrowserVersion.CHROME);
        client.getOptions().setFetchPolyfillEnabled(fetchPolyfill);
        // Collect script errors instead of throwing from whichever call happened to run the script; tests assert.
        client.getOptions().setThrowExceptionOnScriptError(false);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        client.getOptions().setPrintContentOnFailingStatusCode(false);
        client.setJavaScriptEngine(new BridgedJavaScriptEngine(client, ort, pbkdf2));
        connection = new RecordingWebConnection(client);
        client.setWebConnection(connection);
        client.setJavaScriptErrorListener(new ErrorRecorder());
        client.getWebConsole().setLogger(new ConsoleRecorder());
    }

    /**
     * A browser WITHOUT HtmlUnit's fetch polyfill, so {@code fetch} is undefined and pages use XMLHttpRequest.
     * Why not the polyfill: for {@code cache: 'no-store'} (or 'no-cache') GETs it appends {@code ?_=<current time>}
     * to the URL (whatwg-fetch's cache buster) — something no real browser does. The app's model loader asks for
     * exactly such GETs, so with the polyfill the static server answers 400 (it refuses every query string) and
     * every user's request log differs by a timestamp. The app falls back to XHR when fetch is missing, which
     * sends the same plain GETs; its fetch path runs in the Chromium tests.
     */
    public static HtmlUnitBrowser start() {
        return new HtmlUnitBrowser(false);
    }

    /** With HtmlUnit's fetch polyfill on (see {@link #start()} for why the default is off). */
    public static HtmlUnitBrowser startWithFetchPolyfill() {
        return new HtmlUnitBrowser(true);
    }

    /** Loads a page and lets its startup scripts and timers run for up to 2 s. */
    public HtmlPage open(String url) {
        try {
            HtmlPage page = client.getPage(url);
            client.waitForBackgroundJavaScript(2_000);
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page now shown in the current window (after the app navigated or reloaded). */
    public HtmlPage currentPage() {
        return (HtmlPage) client.getCurrentWindow().getEnclosedPage();
    }

    /** Runs page JavaScript while polling {@code condition} until it holds; fails after {@code timeout}. */
    public HtmlPage waitFor(HtmlPage page, Duration timeout, Predicate<HtmlPage> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(page)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout + "; script errors: " + scriptErrors
                        + "; console: " + console);
            }
            client.waitForBackgroundJavaScript(50);
        }
        return page;
    }

    /**
     * Like Selenium's executeAsyncScript: {@code body} runs as a function of {@code done}; whatever it passes to
     * {@code done(value)} comes back converted to Java (arrays → List, objects → Map, numbers → Double, typed
     * arrays must be converted with {@code Array.from} first). A synchronous throw or a timeout fails the test.
     */
    public Object evalAsync(HtmlPage page, String body, Duration timeout) {
        page.executeJavaScript("window." + ASYNC_RESULT + " = undefined;");
        page.executeJavaScript("(function (done) {\ntry {\n" + body + "\n} catch (e) { done({__error: String(e)}); }\n})"
                + "(function (v) { window." + ASYNC_RESULT + " = {value: v}; });");
        waitFor(page, timeout, p -> !(js(p, "window." + ASYNC_RESULT) instanceof Undefined));
        Object result = toJava(js(page, "window." + ASYNC_RESULT + ".value"));
        if (result instanceof Map<?, ?> m && m.containsKey("__error")) {
            throw new AssertionError("page script threw: " + m.get("__error"));
        }
        return result;
    }

    /** Evaluates an expression in the page and converts the result to Java (see {@link #evalAsync}). */
    public Object eval(HtmlPage page, String expression) {
        return toJava(js(page, expression));
    }

    /** Every request the page made since start (or {@link #clearRequests()}), in order. */
    public List<RecordingWebConnection.PageRequest> requests() {
        return connection.requests();
    }

    public void clearRequests() {
        connection.clear();
    }

    /** The Java side of {@code ort}: which models the page loaded, which runs it made. */
    public OrtBridge ort() {
        return ort;
    }

    /** The Java side of PBKDF2: parameters of every derivation (iterations, salt length, bits). */
    public Pbkdf2Bridge pbkdf2() {
        return pbkdf2;
    }

    /** Console lines ("info: ...", "error: ..."); TeaVM's System.out arrives as info. */
    public List<String> console() {
        return List.copyOf(console);
    }

    /** Uncaught script errors and failed script loads. */
    public List<String> scriptErrors() {
        return List.copyOf(scriptErrors);
    }

    public void assertNoScriptErrors() {
        if (!scriptErrors.isEmpty()) {
            throw new AssertionError("script errors: " + scriptErrors + "\nconsole: " + console);
        }
    }

    /** The underlying client, for anything else (cookies, options, windows). */
    public WebClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        ort.close();
    }

    private static Object js(HtmlPage page, String expression) {
        return page.executeJavaScript(expression).getJavaScriptResult();
    }

    /** Deep conversion of HtmlUnit JS values into plain Java values. */
    public static Object toJava(Object v) {
        if (v == null || v instanceof Undefined) {
            return null;
        }
        if (v instanceof Number n) {
            return n.doubleValue(); // JS has one number type; Rhino hands out Integer or Double
        }
        if (v instanceof ConsString || v instanceof CharSequence) {
            return v.toString();
        }
        if (v instanceof NativeArray a) {
            List<Object> list = new ArrayList<>();
            for (long i = 0; i < a.getLength(); i++) {
                list.add(toJava(a.get((int) i, a)));
            }
            return list;
        }
        if (v instanceof ScriptableObject o && "Object".equals(o.getClassName())) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Object id : o.getIds()) {
                map.put(String.valueOf(id), toJava(ScriptableObject.getProperty((Scriptable) o, String.valueOf(id))));
            }
            return map;
        }
        return v;
    }

    private final class ErrorRecorder implements JavaScriptErrorListener {
        @Override
        public void scriptException(HtmlPage page, ScriptException e) {
            scriptErrors.add("script error: " + e.getMessage());
        }

        @Override
        public void timeoutError(HtmlPage page, long allowed, long executed) {
            scriptErrors.add("script timeout after " + executed + " ms");
        }

        @Override
        public void malformedScriptURL(HtmlPage page, String url, MalformedURLException e) {
            scriptErrors.add("malformed script URL " + url);
        }

        @Override
        public void loadScriptError(HtmlPage page, URL url, Exception e) {
            scriptErrors.add("cannot load script " + url + ": " + e.getMessage());
        }

        @Override
        public void warn(String message, String sourceName, int line, String lineSource, int lineOffset) {
            console.add("warn: " + message);
        }
    }

    private final class ConsoleRecorder implements WebConsole.Logger {
        public boolean isTraceEnabled() { return false; }
        public void trace(Object m) { }
        public boolean isDebugEnabled() { return true; }
        public void debug(Object m) { console.add("debug: " + m); }
        public boolean isInfoEnabled() { return true; }
        public void info(Object m) { console.add("info: " + m); }
        public boolean isWarnEnabled() { return true; }
        public void warn(Object m) { console.add("warn: " + m); }
        public boolean isErrorEnabled() { return true; }
        public void error(Object m) { console.add("error: " + m); }
    }
}
