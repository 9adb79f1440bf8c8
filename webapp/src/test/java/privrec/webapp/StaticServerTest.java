package privrec.webapp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Headers, caching, compression and refusals of the static server, on the site this build assembled. */
class StaticServerTest {

    private static ServerHandle server;
    private static String appJs;

    @BeforeAll
    static void start() {
        server = ServerHandle.startWith(Map.of(
                "models/catalog.tsv", ServerHandle.utf8("id\ttitle\n1\tToy Story\n"),
                "models/manifest.json", ServerHandle.utf8("{\"formatVersion\":1}"),
                "models/model.onnx", TinyModels.gemm(),
                "fake-deadbeef.js", ServerHandle.utf8("// name claims a hash the content does not have\n")));
        appJs = server.site().paths().stream().filter(p -> p.matches("app-[0-9a-f]{8}\\.js")).findFirst()
                .orElseThrow(() -> new AssertionError("no app-<hash>.js in the built site: " + server.site().paths()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyResponseCarriesThePrivacyHeadersAndNoCookie() {
        for (String path : List.of("", "index.html", appJs, "no-such-file")) {
            HttpResponse<byte[]> r = Http.get(server.url(path));
            var h = r.headers();
            assertEquals(ResponsePolicy.CSP, h.firstValue("Content-Security-Policy").orElse(null), path);
            assertTrue(ResponsePolicy.CSP.contains("script-src 'self' 'wasm-unsafe-eval';"));
            assertFalse(ResponsePolicy.CSP.contains("unsafe-inline"));
            assertEquals("no-referrer", h.firstValue("Referrer-Policy").orElse(null), path);
            assertEquals("nosniff", h.firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("same-origin", h.firstValue("Cross-Origin-Resource-Policy").orElse(null), path);
            assertEquals("require-corp", h.firstValue("Cross-Origin-Embedder-Policy").orElse(null), path);
            String pp = h.firstValue("Permissions-Policy").orElse("");
            for (String feature : List.of("camera=()", "microphone=()", "geolocation=()", "interest-cohort=()")) {
                assertTrue(pp.contains(feature), path + ": " + pp);
            }
            assertTrue(h.allValues("Set-Cookie").isEmpty(), path);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "'', text/html; charset=utf-8",
        "index.html, text/html; charset=utf-8",
        "boot.js, text/javascript; charset=utf-8",
        "ort/ort.wasm.min.js, text/javascript; charset=utf-8",
        "ort/ort-wasm-simd-threaded.mjs, text/javascript; charset=utf-8",
        "models/model.onnx, application/octet-stream",
        "models/manifest.json, application/json; charset=utf-8",
        "models/catalog.tsv, text/tab-separated-values; charset=utf-8",
    })
    void mediaTypes(String path, String type) {
        HttpResponse<byte[]> r = Http.send("HEAD", server.url(path));
        assertEquals(200, r.statusCode(), path);
        assertEquals(type, r.headers().firstValue("Content-Type").orElse(null), path);
    }

    @Test
    void onlyNamesThatProveTheirHashAreImmutable() {
        assertEquals(ResponsePolicy.CACHE_IMMUTABLE, cacheControl(appJs));
        String css = server.site().paths().stream().filter(p -> p.matches("css/app-[0-9a-f]{8}\\.css")).findFirst().orElseThrow();
        assertEquals(ResponsePolicy.CACHE_IMMUTABLE, cacheControl(css));
        // onnxruntime-web's wasm too: content-hashed, so Chromium can reuse its compiled code (a revalidated
        // response loses it).
        String wasm = ServerHandle.ortWasmPath(server.site());
        assertEquals(ResponsePolicy.CACHE_IMMUTABLE, cacheControl(wasm));
        assertEquals("application/wasm", Http.send("HEAD", server.url(wasm)).headers().firstValue("Content-Type").orElse(null));
        for (String path : List.of("", "index.html", "boot.js", "models/manifest.json", "models/model.onnx",
                "ort/ort.wasm.min.js", "ort/ort-wasm-simd-threaded.mjs", "fake-deadbeef.js")) {
            assertEquals("no-cache", cacheControl(path), path);
        }
    }

    @Test
    void indexLoadsEachScriptAndStyleWithSubresourceIntegrityAndNothingInline() throws Exception {
        String html = new String(Http.get(server.url()).body(), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("<(?:script src|link rel=\"stylesheet\" href)=\"([^\"]+)\" integrity=\"sha384-([^\"]+)\"").matcher(html);
        List<String> refs = new java.util.ArrayList<>();
        while (m.find()) {
            byte[] served = Http.get(server.url(m.group(1))).body();
            byte[] digest = java.security.MessageDigest.getInstance("SHA-384").digest(served);
            assertEquals(java.util.Base64.getEncoder().encodeToString(digest), m.group(2), m.group(1));
            refs.add(m.group(1));
        }
        assertEquals(List.of(refs.get(0), "ort/ort.wasm.min.js", appJs, "boot.js"), refs, html);
        assertTrue(refs.get(0).matches("css/app-[0-9a-f]{8}\\.css"), refs.get(0));
        assertFalse(html.matches("(?s).*<script>.*"), "no inline script");
        assertFalse(html.contains("style="), "no inline style");
        assertFalse(html.contains("<style"), "no style element");
        assertFalse(html.matches("(?s).*\\son[a-z]+=.*"), "no inline event handlers");
    }

    @Test
    void onlyTheThreeOnnxRuntimeFilesAreShipped() {
        List<String> ort = server.site().paths().stream().filter(p -> p.startsWith("ort/")).toList();
        assertEquals(List.of(ServerHandle.ortWasmPath(server.site()), "ort/ort-wasm-simd-threaded.mjs", "ort/ort.wasm.min.js"), ort);
        assertTrue(ServerHandle.builtSite().paths().stream().noneMatch(p -> p.endsWith("provenance.json")));
    }

    @Test
    void strongEtagAndConditionalGet() {
        HttpResponse<byte[]> first = Http.get(server.url("boot.js"));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals('"' + Site.sha256Hex(first.body()) + '"', etag, "strong ETag = sha256 of the content");
        for (String inm : List.of(etag, "W/" + etag, "\"other\", " + etag, "*")) {
            HttpResponse<byte[]> again = Http.get(server.url("boot.js"), "If-None-Match", inm);
            assertEquals(304, again.statusCode(), inm);
            assertEquals(0, again.body().length);
            assertEquals(etag, again.headers().firstValue("ETag").orElse(null));
            assertEquals("no-cache", again.headers().firstValue("Cache-Control").orElse(null));
        }
        assertEquals(200, Http.get(server.url("boot.js"), "If-None-Match", "\"stale\"").statusCode());
    }

    @Test
    void headDescribesTheGetWithoutABody() {
        HttpResponse<byte[]> get = Http.get(server.url("boot.js"));
        HttpResponse<byte[]> head = Http.send("HEAD", server.url("boot.js"));
        assertEquals(200, head.statusCode());
        assertEquals(0, head.body().length);
        assertEquals(String.valueOf(get.body().length), head.headers().firstValue("Content-Length").orElse(null));
        assertEquals(get.headers().firstValue("ETag"), head.headers().firstValue("ETag"));
    }

    @Test
    void precompressedCopiesFollowAcceptEncoding() throws IOException {
        String wasmPath = ServerHandle.ortWasmPath(server.site());
        String wasm = server.url(wasmPath);
        byte[] identity = Http.get(wasm).body();
        Asset asset = server.site().find(wasmPath).orElseThrow();

        HttpResponse<byte[]> br = Http.get(wasm, "Accept-Encoding", "gzip, deflate, br, zstd");
        assertEquals("br", br.headers().firstValue("Content-Encoding").orElse(null));
        assertArrayEquals(asset.representation("br").orElseThrow(), br.body());
        assertTrue(br.body().length < identity.length / 4, "the 14 MB wasm goes over the wire as ~2.4 MB");

        HttpResponse<byte[]> gz = Http.get(wasm, "Accept-Encoding", "br;q=0, gzip");
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(null));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.body()))) {
            assertArrayEquals(identity, in.readAllBytes());
        }

        HttpResponse<byte[]> none = Http.get(wasm, "Accept-Encoding", "identity");
        assertTrue(none.headers().firstValue("Content-Encoding").isEmpty());
        assertEquals(identity.length, none.body().length);

        for (HttpResponse<byte[]> r : List.of(br, gz, none)) {
            assertEquals("Accept-Encoding", r.headers().firstValue("Vary").orElse(null));
        }
        assertEquals(3, List.of(br, gz, none).stream().map(r -> r.headers().firstValue("ETag").orElseThrow()).distinct().count(),
                "each representation has its own strong ETag");
        assertNotEquals(200, Http.get(server.url(wasmPath + ".br")).statusCode(),
                "compressed copies are not addressable on their own");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"})
    void onlyGetAndHead(String method) {
        HttpResponse<byte[]> r = Http.send(method, server.url("index.html"));
        assertEquals(405, r.statusCode(), method);
        assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElse(null));
    }

    @Test
    void queryStringsAreRedirectedAwayAndBodiesRefused() {
        HttpResponse<byte[]> shared = Http.get(server.url("index.html?utm_source=newsletter"));
        assertEquals(301, shared.statusCode(), "a shared link with tracking parameters still opens the app");
        assertEquals("/index.html", shared.headers().firstValue("Location").orElse(null));
        assertEquals(ResponsePolicy.CSP, shared.headers().firstValue("Content-Security-Policy").orElse(null));
        assertEquals(301, Http.rawStatus(server.port(), "/?"), "even an empty query");
        HttpRequest withBody = HttpRequest.newBuilder(URI.create(server.url("index.html")))
                .method("GET", HttpRequest.BodyPublishers.ofString("ratings=5")).build();
        HttpResponse<byte[]> refused = Http.send(withBody);
        assertEquals(400, refused.statusCode());
        assertEquals("close", refused.headers().firstValue("Connection").orElse(null));
        assertEquals(ResponsePolicy.CSP, refused.headers().firstValue("Content-Security-Policy").orElse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../pom.xml", "/ort/../../pom.xml", "/%2e%2e/pom.xml", "/ort/..%2f..%2fpom.xml",
        "/..\\pom.xml", "//etc/passwd", "/./index.html", "/models/", "/.hidden", "/index.html%00", "/%69ndex.html",
        "/../../../../etc/passwd"})
    void pathTraversalFindsNothing(String target) {
        int status = Http.rawStatus(server.port(), target);
        assertTrue(status == 404 || status == 400, target + " gave " + status); // 400: Jetty rejects the URI itself
    }

    @ParameterizedTest
    @ValueSource(strings = {"header too large", "malformed request line", "bad header"})
    void jettysOwnErrorRepliesCarryTheSecurityHeadersToo(String kind) {
        String raw = switch (kind) {
            case "header too large" -> "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n";
            case "malformed request line" -> "GET / HTTP/9.9 extra\r\nHost: 127.0.0.1\r\n\r\n";
            default -> "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nNo colon here\r\n\r\n";
        };
        String reply = Http.rawExchange(server.port(), raw);
        assertTrue(reply.matches("(?s)HTTP/1\\.1 4\\d\\d .*"), kind + ": " + reply);
        for (var header : ResponsePolicy.SECURITY_HEADERS.entrySet()) {
            assertTrue(reply.contains(header.getKey() + ": " + header.getValue() + "\r\n"), kind + " lacks "
                    + header.getKey() + ": " + reply);
        }
    }

    @Test
    void unknownPathIs404() {
        assertEquals(404, Http.get(server.url("nope.js")).statusCode());
    }

    @Test
    void requestLogRecordsWhatTheServerSaw() {
        try (ServerHandle s = ServerHandle.start()) {
            Http.get(s.url("boot.js"), "Cookie", "tracker=1");
            Http.get(s.url("missing"));
            Http.get(s.url("index.html?q=1"));
            List<RequestRecord> log = s.requestLog().records();
            assertEquals(3, log.size());
            RequestRecord boot = log.get(0);
            assertEquals("GET", boot.method());
            assertEquals("/boot.js", boot.path());
            assertEquals(200, boot.status());
            assertEquals(Http.get(s.url("boot.js")).body().length, boot.bytes());
            assertTrue(boot.hadCookie());
            assertEquals(404, log.get(1).status());
            assertTrue(log.get(2).hadQuery());
            assertEquals(301, log.get(2).status());
            assertEquals("GET /index.html?<query not logged> 301 " + log.get(2).bytes(), log.get(2).logLine());
            assertFalse(log.get(2).logLine().contains("q=1"), "the query text is never kept");
            assertEquals(List.of("GET /boot.js", "GET /missing", "GET /index.html", "GET /boot.js"), s.requestLines());
        }
    }

    @Test
    void listensOnLoopbackOnly() {
        assertTrue(server.url().startsWith("http://127.0.0.1:"));
    }

    private static String cacheControl(String path) {
        return Http.send("HEAD", server.url(path)).headers().firstValue("Cache-Control").orElse(null);
    }
}
