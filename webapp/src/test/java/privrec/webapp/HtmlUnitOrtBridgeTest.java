package privrec.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HtmlUnit {@code ort} bridge runs the very bytes the page passed, with ONNX Runtime Java. */
class HtmlUnitOrtBridgeTest {

    private static final Duration T = Duration.ofSeconds(20);
    private static final float[] X = {1f, 2f, 3f, 4f, -0.5f, 0.25f, 8f, -3f};

    private static ServerHandle server;
    private static HtmlUnitBrowser browser;
    private static HtmlPage page;

    @BeforeAll
    static void start() {
        server = ServerHandle.startWith(TestPages.blankPageAndTinyModel());
        browser = HtmlUnitBrowser.start();
        page = browser.open(server.url(TestPages.BLANK));
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    @Test
    void ortExistsBeforePageScriptsAndEnvIsSettable() {
        assertEquals("object", browser.eval(page, "typeof ort"));
        assertEquals("function", browser.eval(page, "typeof ort.InferenceSession.create"));
        browser.eval(page, "ort.env.wasm.numThreads = 1; ort.env.wasm.wasmPaths = 'ort/'");
        assertEquals(1.0, browser.eval(page, "ort.env.wasm.numThreads"));
    }

    @Test
    void sessionRunsThePagesModelBytesWithOrtJava() {
        Object result = browser.evalAsync(page, TestPages.loadTinyModel(
                "ort.InferenceSession.create(model, {executionProviders: ['wasm']}).then(function (s) {"
                        + "  var x = new ort.Tensor('float32', new Float32Array([" + join(X) + "]), [2, 4]);"
                        + "  return s.run({x: x}).then(function (out) {"
                        + "    var y = out.y; var r = {inputNames: s.inputNames, outputNames: s.outputNames,"
                        + "      type: y.type, dims: y.dims, isF32: y.data instanceof Float32Array, data: Array.from(y.data),"
                        + "      inputDetached: x.data.length === 0};"
                        + "    return s.release().then(function () { done(r); });"
                        + "  });"
                        + "}).catch(function (e) { done({__error: String(e)}); });"), T);
        Map<?, ?> r = (Map<?, ?>) result;
        assertEquals(List.of("x"), r.get("inputNames"));
        assertEquals(List.of("y"), r.get("outputNames"));
        assertEquals("float32", r.get("type"));
        assertEquals(List.of(2.0, 3.0), r.get("dims"));
        assertEquals(true, r.get("isF32"));
        assertEquals(true, r.get("inputDetached"), "run() detaches its inputs, like onnxruntime-web");
        float[] expected = OrtJava.runFloat(TinyModels.gemm(), "x", X, new long[] {2, 4});
        float[] plain = TinyModels.gemmReference(X, 2);
        List<?> got = (List<?>) r.get("data");
        assertEquals(expected.length, got.size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], ((Number) got.get(i)).floatValue(), 1e-6, "output " + i);
            assertEquals(plain[i], expected[i], 1e-5, "ORT vs plain Java, output " + i);
        }
        OrtBridge.SessionRecord s = browser.ort().sessionsCreated().get(browser.ort().sessionsCreated().size() - 1);
        assertEquals(Site.sha256Hex(TinyModels.gemm()), s.modelSha256(), "the bridge ran exactly the served bytes");
        assertTrue(s.optionsJson().contains("wasm"));
        assertEquals(0, browser.ort().openSessions(), "release() closed the Java session");
    }

    @Test
    void clientMistakesFailAsInOnnxRuntimeWeb() {
        Object dimsError = browser.evalAsync(page,
                "try { new ort.Tensor('float32', new Float32Array(4), new Int32Array([1, 4])); done('no error'); }"
                        + " catch (e) { done(e.message); }", T);
        assertEquals("A tensor's dims must be a number array", dimsError);
        Object sizeError = browser.evalAsync(page,
                "try { new ort.Tensor('float32', new Float32Array(5), [1, 4]); done('no error'); }"
                        + " catch (e) { done(e.message); }", T);
        assertEquals("Tensor's size(4) does not match data length(5).", sizeError);
        Object rankError = browser.evalAsync(page, TestPages.loadTinyModel(
                "ort.InferenceSession.create(new Uint8Array(model)).then(function (s) {"
                        + "  return s.run({x: new ort.Tensor('float32', new Float32Array(4), [4])});"
                        + "}).then(function () { done('no error'); }, function (e) { done(String(e.message)); });"), T);
        assertTrue(String.valueOf(rankError).contains("rank"), "ORT rejects a rank-1 input: " + rankError);
        Object badModel = browser.evalAsync(page,
                "ort.InferenceSession.create(new Uint8Array([1, 2, 3])).then(function () { done('no error'); },"
                        + " function (e) { done(String(e.message)); });", T);
        assertTrue(String.valueOf(badModel).startsWith("failed to create session"), String.valueOf(badModel));
    }

    @Test
    void requestsForOnnxRuntimeWebAreRecordedButNotExecuted() {
        try (ServerHandle site = ServerHandle.start(); HtmlUnitBrowser b = HtmlUnitBrowser.start()) {
            HtmlPage p = b.open(site.url());
            assertTrue(b.requests().stream().anyMatch(r -> r.path().equals("/ort/ort.wasm.min.js")), "page asked for ort");
            assertTrue(site.requestLines().contains("GET /ort/ort.wasm.min.js"), "and the server saw it");
            assertEquals("ONNX Runtime Java via HtmlUnit bridge", b.eval(p, "ort.env.__testBridge"));
        }
    }

    private static String join(float[] xs) {
        StringBuilder b = new StringBuilder();
        for (float x : xs) {
            b.append(b.length() == 0 ? "" : ",").append(x);
        }
        return b.toString();
    }
}
