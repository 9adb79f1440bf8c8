package privrec.webapp.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import privrec.contributions.ReportStore;
import privrec.core.Manifest;
import privrec.core.privacy.ContributionPolicy;
import privrec.core.privacy.ContributionReport;
import privrec.webapp.RequestRecord;
import privrec.webapp.ChromiumBrowser;
import privrec.webapp.ResponsePolicy;
import privrec.webapp.ServerHandle;
import privrec.webapp.scenarios.ChromiumApp;

/**
 * The deployable folder served by real Debian nginx and Caddy with the configs the build shipped: the same security
 * headers as the Java server on every response (errors and redirects too), correct media types for onnxruntime-web,
 * the precompressed copies, caching by name; and the whole app working in Chromium on nginx under its CSP.
 */
class DeployedHostsTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void nginxServesTheFolderWithEveryHeader() {
        try (ReportStore store = ReportStore.open("jdbc:h2:mem:deployed-nginx");
             ServerHandle collector = ServerHandle.collector(store);
             HostProcess nginx = HostProcess.nginx(collector.port())) {
            checkHost(nginx, false);
            checkContributions(nginx, store, collector);
        }
    }

    @Test
    void caddyServesTheFolderWithEveryHeader() {
        try (ReportStore store = ReportStore.open("jdbc:h2:mem:deployed-caddy");
             ServerHandle collector = ServerHandle.collector(store);
             HostProcess caddy = HostProcess.caddy(collector.port())) {
            checkHost(caddy, true);
            checkContributions(caddy, store, collector);
        }
    }

    /** POST /contributions reaches the collector through the host, with one copy of each header and no cookie. */
    private static void checkContributions(HostProcess host, ReportStore store, ServerHandle collector) {
        Manifest manifest = Manifest.parse(new String(ServerHandle.builtSite().find("models/manifest.json")
                .orElseThrow().content(), java.nio.charset.StandardCharsets.UTF_8), "manifest.json");
        ContributionPolicy policy = ContributionPolicy.of(manifest);
        float[] values = new float[policy.rank()];
        values[0] = (float) policy.clip();
        byte[] body = new ContributionReport(manifest.modelId(), 1.0f, values).encode();
        HttpResponse<byte[]> r = send(host, HttpRequest.newBuilder(URI.create(host.url() + "contributions"))
                .header("Content-Type", "application/octet-stream").header("Cookie", "a=b")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertEquals(204, r.statusCode(), new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertSecurityHeaders(r, "the proxied report");
        ResponsePolicy.SECURITY_HEADERS.keySet().forEach(name ->
                assertEquals(1, r.headers().allValues(name).size(), name + " once on the proxied report"));
        assertTrue(r.headers().firstValue("Set-Cookie").isEmpty());
        assertEquals(1, store.count(manifest.modelId()));
        assertTrue(collector.requestLog().records().stream().noneMatch(RequestRecord::hadCookie),
                "the host strips cookies before the collector");
        HttpResponse<byte[]> replay = send(host, HttpRequest.newBuilder(URI.create(host.url() + "contributions"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertEquals(409, replay.statusCode());
        assertSecurityHeaders(replay, "the proxied replay");
        HttpResponse<byte[]> big = send(host, HttpRequest.newBuilder(URI.create(host.url() + "contributions"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[200_000])).build());
        // nginx answers 413 itself; Caddy streams, so the collector's own 413 (from the Content-Length, unread, with
        // the connection closed) can reach Caddy as a broken upstream: 502. Either way the body is refused.
        assertTrue(big.statusCode() == 413 || big.statusCode() == 502, "a 200 KB report gave " + big.statusCode());
        assertSecurityHeaders(big, "the refused large report");
        assertEquals(1, store.count(manifest.modelId()));
    }

    @Test
    void theAppRunsOnNginxInChromiumWithNoCspViolation() {
        ChromiumBrowser.requireChromium();
        try (HostProcess nginx = HostProcess.nginx(); ChromiumBrowser chrome = ChromiumBrowser.start()) {
            ChromiumApp app = new ChromiumApp(chrome);
            app.open(nginx.url() + "?utm_source=newsletter");
            // The query is gone; the app then writes its own route into the fragment (never sent to a server).
            assertEquals(nginx.url() + "#/home", chrome.driver().getCurrentUrl(), "the query was redirected away");
            app.createProfile("nginx-user", "served by nginx password");
            app.waitForView("onboarding");
            app.click("onboarding-done");
            app.waitForView("home");
            assertEquals("ready", app.state(), app.text("model-status"));
            assertEquals(20, app.ids("rec-card").size(), "recommendations shown");
            assertEquals(List.of(), chrome.cspViolations(), "CSP violations on nginx: " + chrome.consoleMessages());
        }
    }

    private static void checkHost(HostProcess host, boolean brotli) {
        Path site = HostProcess.deployDir().resolve("site");
        String appJs = HostProcess.siteFiles().stream().filter(f -> f.matches("app-[0-9a-f]{8}\\.js")).findFirst()
                .orElseThrow();
        String wasm = privrec.webapp.ServerHandle.ortWasmPath(HostProcess.siteFiles());
        for (String path : List.of("", "index.html", "boot.js", appJs, "models/manifest.json",
                "ort/ort-wasm-simd-threaded.mjs", wasm)) {
            HttpResponse<byte[]> r = get(host, path, Map.of());
            assertEquals(200, r.statusCode(), path);
            assertSecurityHeaders(r, path);
        }
        assertEquals("public, max-age=31536000, immutable", header(get(host, appJs, Map.of()), "Cache-Control"));
        assertEquals("no-cache", header(get(host, "index.html", Map.of()), "Cache-Control"));
        assertEquals("no-cache", header(get(host, "models/manifest.json", Map.of()), "Cache-Control"));
        assertTrue(header(get(host, "ort/ort-wasm-simd-threaded.mjs", Map.of()), "Content-Type")
                .startsWith("text/javascript"), "onnxruntime-web's module must be JavaScript");
        assertEquals("application/wasm", header(get(host, wasm, Map.of()), "Content-Type"));
        assertEquals("public, max-age=31536000, immutable", header(get(host, wasm, Map.of()), "Cache-Control"));

        HttpResponse<byte[]> gz = get(host, wasm, Map.of("Accept-Encoding", "gzip"));
        assertEquals("gzip", header(gz, "Content-Encoding"), "the build's .gz copy is served");
        assertArrayEquals(read(site.resolve(wasm + ".gz")), gz.body());
        if (brotli) {
            HttpResponse<byte[]> br = get(host, wasm, Map.of("Accept-Encoding", "br, gzip"));
            assertEquals("br", header(br, "Content-Encoding"));
            assertArrayEquals(read(site.resolve(wasm + ".br")), br.body());
        }

        HttpResponse<byte[]> missing = get(host, "nope.js", Map.of());
        assertEquals(404, missing.statusCode());
        assertSecurityHeaders(missing, "a 404");
        assertEquals(404, get(host, "_headers", Map.of()).statusCode(), "_headers is for hosts, not browsers");

        HttpResponse<byte[]> shared = get(host, "index.html?utm_source=newsletter", Map.of());
        assertEquals(301, shared.statusCode());
        assertTrue(header(shared, "Location").endsWith("/index.html"), header(shared, "Location"));
        assertSecurityHeaders(shared, "the redirect");

        HttpResponse<byte[]> post = send(host, HttpRequest.newBuilder(URI.create(host.url() + "index.html"))
                .POST(HttpRequest.BodyPublishers.ofString("ratings=5")).build());
        assertTrue(post.statusCode() == 405 || post.statusCode() == 413, "POST gave " + post.statusCode());
        assertSecurityHeaders(post, "the refused POST");
    }

    private static void assertSecurityHeaders(HttpResponse<byte[]> r, String what) {
        ResponsePolicy.SECURITY_HEADERS.forEach((name, value) ->
                assertEquals(value, header(r, name), name + " on " + what));
    }

    private static String header(HttpResponse<byte[]> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    private static HttpResponse<byte[]> get(HostProcess host, String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(host.url() + path));
        headers.forEach(b::header);
        return send(host, b.build());
    }

    private static HttpResponse<byte[]> send(HostProcess host, HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
