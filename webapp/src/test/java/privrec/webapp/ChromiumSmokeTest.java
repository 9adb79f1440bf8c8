package privrec.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The assembled site in real headless Chromium: it loads under the CSP without a single violation, the real
 * onnxruntime-web (wasm) computes what ONNX Runtime Java computes, and the CSP blocks what it must.
 */
class ChromiumSmokeTest {

    private static final float[] X = {1f, 2f, 3f, 4f, -0.5f, 0.25f, 8f, -3f, 0f, 0f, 0f, 0f};

    private static ServerHandle server;
    private static ChromiumBrowser chrome;

    @BeforeAll
    static void start() {
        ChromiumBrowser.requireChromium();
        server = ServerHandle.startWith(Map.of(TestPages.TINY_MODEL, TinyModels.gemm()));
        chrome = ChromiumBrowser.start();
        chrome.open(server.url());
        chrome.waitUntil(Duration.ofSeconds(30), "typeof ort === 'object' && typeof main === 'function'");
    }

    @AfterAll
    static void stop() {
        if (chrome != null) {
            chrome.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void pageLoadsWithoutCspViolations() {
        chrome.waitUntil(Duration.ofSeconds(10), "document.getElementById('app') !== null");
        chrome.screenshot(Path.of("target", "screenshots", "smoke-index.png"));
        assertEquals(List.of(), chrome.cspViolations(), () -> "console: " + chrome.consoleMessages());
        assertTrue(server.requestLines().containsAll(List.of("GET /", "GET /ort/ort.wasm.min.js", "GET /boot.js")),
                server.requestLines().toString());
    }

    @Test
    void realOnnxRuntimeWebMatchesOnnxRuntimeJava() {
        // The page's own app starts onnxruntime-web's proxy worker while it loads the model; a session created while
        // that worker starts is refused ("worker not ready"), so this one waits for the app's load to settle.
        chrome.waitUntil(Duration.ofSeconds(60), "(function () { var e = document.getElementById('model-status');"
                + " var p = e && e.getAttribute('data-phase'); return p === 'ready' || p === 'failed'; })()");
        Object result = chrome.executeAsync((""
                + "var done = arguments[arguments.length - 1];"
                + "fetch('/" + TestPages.TINY_MODEL + "').then(function (r) { return r.arrayBuffer(); })"
                + ".then(function (buf) { return ort.InferenceSession.create(new Uint8Array(buf)); })"
                + ".then(function (s) {"
                + "  var x = new ort.Tensor('float32', new Float32Array(arguments_x), [3, 4]);"
                + "  return s.run({x: x}).then(function (out) { done({dims: out.y.dims, data: Array.from(out.y.data)}); });"
                + "}).catch(function (e) { done({error: String(e)}); });"
                ).replace("arguments_x", floats(X)));
        Map<?, ?> r = (Map<?, ?>) result;
        assertTrue(r.get("error") == null, String.valueOf(r.get("error")));
        assertEquals(List.of(3L, 3L), r.get("dims"));
        float[] expected = OrtJava.runFloat(TinyModels.gemm(), TinyModels.INPUT, X, new long[] {3, 4});
        List<?> got = (List<?>) r.get("data");
        assertEquals(expected.length, got.size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], ((Number) got.get(i)).doubleValue(), 1e-5, "output " + i);
        }
        assertTrue(server.requestLines().contains("GET /" + ServerHandle.ortWasmPath(server.site())), server.requestLines().toString());
        assertEquals(List.of(), chrome.cspViolations(), "running the wasm needs nothing beyond 'wasm-unsafe-eval'");
    }

    @Test
    void cspBlocksCrossOriginFetchAndInlineScript() {
        try (ServerHandle other = ServerHandle.start()) {
            Object fetched = chrome.executeAsync("var done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(function () { done('fetched'); }, function (e) { done('blocked: ' + e); });",
                    other.url("index.html"));
            assertTrue(String.valueOf(fetched).startsWith("blocked"), String.valueOf(fetched));
            assertEquals(List.of(), other.requestLines(), "the other origin never saw a request");
        }
        Object inline = chrome.executeAsync("var done = arguments[arguments.length - 1];"
                + "var s = document.createElement('script'); s.textContent = 'window.__inlineRan = true;';"
                + "document.head.appendChild(s); setTimeout(function () { done(window.__inlineRan === true); }, 100);");
        assertEquals(false, inline, "inline script must not run");
        // WebDriver's own scripts bypass the CSP, so eval is tried through a string timer, compiled by the page.
        Object stringTimer = chrome.executeAsync("var done = arguments[arguments.length - 1];"
                + "try { setTimeout('window.__evalRan = true;', 0); } catch (e) { }"
                + "setTimeout(function () { done(window.__evalRan === true); }, 100);");
        assertEquals(false, stringTimer, "string code must not run (no 'unsafe-eval')");
        // Violation events are queued tasks: wait for them rather than racing the rejection.
        chrome.waitUntil(Duration.ofSeconds(5), "window.__cspViolations.some(function (v) { return v.directive === 'connect-src'; })"
                + " && window.__cspViolations.some(function (v) { return v.directive.indexOf('script-src') === 0; })");
        List<String> directives = chrome.cspViolations().stream().map(v -> String.valueOf(v.get("directive"))).toList();
        assertTrue(directives.contains("connect-src"), directives.toString());
        assertTrue(directives.stream().anyMatch(d -> d.startsWith("script-src")), directives.toString());
        chrome.execute("window.__cspViolations.length = 0;");
    }

    private static String floats(float[] xs) {
        StringBuilder b = new StringBuilder("[");
        for (float x : xs) {
            b.append(b.length() == 1 ? "" : ",").append(x);
        }
        return b.append(']').toString();
    }
}
