package privrec.webapp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import privrec.contributions.ReportStore;
import privrec.core.Manifest;
import privrec.core.privacy.ContributionPolicy;
import privrec.core.privacy.ContributionReport;

/**
 * {@code POST /contributions} against the real server serving the built site (whose release accepts
 * contributions), with an in-memory H2 store: every refusal has its status and stores nothing; the body is read
 * within a deadline and a size cap; the rate limit answers 429; the log line holds no address.
 */
class ContributionEndpointTest {
    private static ReportStore store;
    private static ServerHandle server;
    private static Manifest manifest;
    private static ContributionPolicy policy;
    private static int size;

    @BeforeAll
    static void start() {
        Site site = ServerHandle.builtSite();
        manifest = StaticServer.servedManifest(site);
        policy = ContributionPolicy.of(manifest);
        assertTrue(policy != null, "the committed release accepts contributions");
        size = ContributionReport.size(policy.rank());
        store = ReportStore.open("jdbc:h2:mem:contribution-endpoint-test");
        server = ServerHandle.start(site, new ContributionSettings(store,
                new RateLimiter.Limits(10_000, 10_000, 100, TimeUnit.HOURS.toMillis(1)), null));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    /** A report as an honest browser makes it: norm about C, the release's id, an offered ε. */
    static ContributionReport genuine(long seed) {
        Random random = new Random(seed);
        float[] v = new float[policy.rank()];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        double scale = policy.clip() / Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] * scale);
        }
        return new ContributionReport(manifest.modelId(), 1.0f, v);
    }

    static HttpResponse<byte[]> post(byte[] body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url("contributions")))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return Http.send(b.build());
    }

    static HttpResponse<byte[]> post(byte[] body) {
        return post(body, "application/octet-stream");
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static void assertRefused(int status, HttpResponse<byte[]> r, int countBefore) {
        assertEquals(status, r.statusCode(), text(r));
        assertEquals(countBefore, store.count(manifest.modelId()), "nothing stored on a refusal");
        String body = text(r);
        assertTrue(body.endsWith("\n") && body.indexOf('\n') == body.length() - 1, "one line: " + body);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertNoCookieAndSecurityHeaders(r);
    }

    private static void assertNoCookieAndSecurityHeaders(HttpResponse<byte[]> r) {
        assertTrue(r.headers().firstValue("Set-Cookie").isEmpty());
        ResponsePolicy.SECURITY_HEADERS.forEach((name, value) ->
                assertEquals(value, r.headers().firstValue(name).orElse(null), name));
    }

    @Test
    void aGenuineReportIsStoredAnd204AndTheLogLineHasNoAddress() {
        ContributionReport report = genuine(1);
        int before = store.count(manifest.modelId());
        server.requestLog().clear();
        HttpResponse<byte[]> r = post(report.encode());
        assertEquals(204, r.statusCode(), text(r));
        assertEquals(0, r.body().length);
        assertNoCookieAndSecurityHeaders(r);
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
        assertEquals(before + 1, store.count(manifest.modelId()));
        assertTrue(store.reports(manifest.modelId()).stream()
                .anyMatch(s -> java.util.Arrays.equals(s.encode(), report.encode())));
        List<RequestRecord> log = server.requestLog().records();
        assertEquals(1, log.size());
        assertEquals("POST /contributions 204 0", log.get(0).logLine());
        assertTrue(log.get(0).hadBody());
    }

    @Test
    void aReplayIs409AndStoredOnce() {
        byte[] body = genuine(2).encode();
        assertEquals(204, post(body).statusCode());
        int before = store.count(manifest.modelId());
        assertRefused(409, post(body), before);
    }

    @Test
    void malformedBodiesAre400WithTheReason() {
        int before = store.count(manifest.modelId());
        byte[] badMagic = genuine(3).encode();
        badMagic[0] = 'X';
        HttpResponse<byte[]> r = post(badMagic);
        assertRefused(400, r, before);
        assertTrue(text(r).contains("PRC1"), text(r));

        byte[] nan = genuine(4).encode();
        ByteBuffer.wrap(nan).order(ByteOrder.LITTLE_ENDIAN).putFloat(ContributionReport.HEADER_BYTES + 8, Float.NaN);
        assertRefused(400, post(nan), before);

        byte[] shorter = java.util.Arrays.copyOf(genuine(5).encode(), size - 4);
        HttpResponse<byte[]> s = post(shorter);
        assertRefused(400, s, before);
        assertTrue(text(s).contains(String.valueOf(size)), text(s));
        assertRefused(400, post(new byte[0]), before);
    }

    @Test
    void aLargerBodyIs413FromItsLengthOrOnceChunkedPassesTheSize() {
        int before = store.count(manifest.modelId());
        assertRefused(413, post(new byte[size + 4]), before);
        // Declared 10 MB and never sent: refused at once, unread.
        String reply = Http.rawExchange(server.port(), "POST /contributions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Length: 10000000\r\n\r\n");
        assertTrue(reply.startsWith("HTTP/1.1 413"), reply);
        // Chunked (no length): cut once more than a report has arrived.
        HttpResponse<byte[]> chunked = Http.send(HttpRequest.newBuilder(URI.create(server.url("contributions")))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[size * 4])))
                .build());
        assertRefused(413, chunked, before);
    }

    @Test
    void aChunkedReportOfTheRightSizeIsAccepted() {
        int before = store.count(manifest.modelId());
        byte[] body = genuine(6).encode();
        HttpResponse<byte[]> r = Http.send(HttpRequest.newBuilder(URI.create(server.url("contributions")))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
        assertEquals(204, r.statusCode(), text(r));
        assertEquals(before + 1, store.count(manifest.modelId()));
    }

    @Test
    void aReportForAnotherReleaseIs410() {
        int before = store.count(manifest.modelId());
        ContributionReport g = genuine(7);
        ContributionReport stale = new ContributionReport("privrec-0000000000000000", g.epsilon(), g.values());
        HttpResponse<byte[]> r = post(stale.encode());
        assertRefused(410, r, before);
        assertEquals(0, store.count("privrec-0000000000000000"));
    }

    @Test
    void anEpsilonNotOfferedOrANormNoGenuineReportHasIs422() {
        int before = store.count(manifest.modelId());
        ContributionReport g = genuine(8);
        float notOffered = 0.7f;
        assertFalse(policy.allows(notOffered));
        assertRefused(422, post(new ContributionReport(g.release(), notOffered, g.values()).encode()), before);
        assertRefused(422, post(new ContributionReport(g.release(), (float) policy.epsilon() * 2, g.values())
                .encode()), before);

        float[] big = g.values();
        double factor = 2 * policy.maxNorm(1.0) / policy.clip();
        for (int i = 0; i < big.length; i++) {
            big[i] = (float) (big[i] * factor);
        }
        HttpResponse<byte[]> r = post(new ContributionReport(g.release(), 1.0f, big).encode());
        assertRefused(422, r, before);
        assertTrue(text(r).toLowerCase().contains("norm"), text(r));
    }

    @Test
    void anotherContentTypeIs415() {
        int before = store.count(manifest.modelId());
        byte[] body = genuine(9).encode();
        assertRefused(415, post(body, "text/plain"), before);
        assertRefused(415, post(body, "application/x-www-form-urlencoded"), before);
        assertRefused(415, post(body, null), before);
    }

    @Test
    void otherMethodsAre405AndOtherPathsStillRefuseBodies() {
        HttpResponse<byte[]> get = Http.get(server.url("contributions"));
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElse(null));
        assertEquals(405, Http.send("PUT", server.url("contributions")).statusCode());
        assertEquals(405, Http.send(HttpRequest.newBuilder(URI.create(server.url("models/manifest.json")))
                .POST(HttpRequest.BodyPublishers.ofByteArray(genuine(10).encode()))
                .header("Content-Type", "application/octet-stream").build()).statusCode());
        String reply = Http.rawExchange(server.port(), "GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Length: 5\r\n\r\nhello");
        assertTrue(reply.startsWith("HTTP/1.1 400"), reply);
        assertEquals(404, Http.send(HttpRequest.newBuilder(URI.create(server.url("contributions/x")))
                .GET().build()).statusCode());
    }

    @Test
    void aStalledBodyIsCutAfterTheDeadlineAndNothingIsStored() throws IOException {
        int before = store.count(manifest.modelId());
        byte[] body = genuine(11).encode();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout((int) ContributionEndpoint.BODY_MILLIS + 5_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /contributions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + size + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, 0, size / 2);
            out.flush();
            long t0 = System.nanoTime();
            String reply;
            try {
                reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server never cut a stalled body");
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(reply.startsWith("HTTP/1.1 408"), reply);
            assertTrue(millis >= ContributionEndpoint.BODY_MILLIS - 500
                    && millis <= ContributionEndpoint.BODY_MILLIS + 3_000, millis + " ms");
            assertTrue(reply.contains("Connection: close"), reply);
        }
        assertEquals(before, store.count(manifest.modelId()));
    }

    @Test
    void aSlowDripIsBoundedByTheSameDeadline() throws Exception {
        int before = store.count(manifest.modelId());
        byte[] body = genuine(12).encode();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(500);
            OutputStream out = s.getOutputStream();
            out.write(("POST /contributions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + size + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            long t0 = System.nanoTime();
            InputStream in = s.getInputStream();
            int sent = 0;
            StringBuilder reply = new StringBuilder();
            // A byte every 400 ms: each gap is far below the idle timeout, the total far above the deadline.
            while (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < ContributionEndpoint.BODY_MILLIS + 4_000) {
                try {
                    if (sent < size - 1) {
                        out.write(body[sent++]);
                        out.flush();
                    }
                } catch (IOException closed) {
                    break;
                }
                try {
                    int c;
                    while ((c = in.read()) != -1) {
                        reply.append((char) c);
                    }
                    break;
                } catch (SocketTimeoutException e) {
                    // nothing yet
                }
            }
            assertTrue(reply.toString().startsWith("HTTP/1.1 408"), reply.toString());
        }
        assertEquals(before, store.count(manifest.modelId()));
    }

    @Test
    void overTheRateLimitIs429AndNothingIsStored() {
        try (ReportStore own = ReportStore.open("jdbc:h2:mem:contribution-rate-test");
             ServerHandle limited = ServerHandle.start(ServerHandle.builtSite(), new ContributionSettings(own,
                     new RateLimiter.Limits(3, 600, 100, TimeUnit.HOURS.toMillis(1)), null))) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<byte[]> r = Http.send(HttpRequest.newBuilder(URI.create(limited.url("contributions")))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(genuine(100 + i).encode())).build());
                assertEquals(204, r.statusCode(), text(r));
            }
            HttpResponse<byte[]> r = Http.send(HttpRequest.newBuilder(URI.create(limited.url("contributions")))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(genuine(200).encode())).build());
            assertEquals(429, r.statusCode(), text(r));
            assertTrue(Long.parseLong(r.headers().firstValue("Retry-After").orElse("0")) > 0);
            assertEquals(3, own.count(manifest.modelId()));
            assertEquals(200, Http.get(limited.url("models/manifest.json")).statusCode(), "GETs are not limited");
        }
    }

    @Test
    void aReleaseWithoutTermsOrAServerWithoutAStoreAnswers503() {
        String json = new String(ServerHandle.builtSite().find("models/manifest.json").orElseThrow().content(),
                StandardCharsets.UTF_8);
        Map<String, Object> root = new java.util.LinkedHashMap<>(privrec.core.Json.parseObject(json, "manifest"));
        root.remove("contributions");
        Site noTerms = ServerHandle.builtSite().withFiles(Map.of("models/manifest.json",
                ServerHandle.utf8(privrec.core.Json.write(root))));
        try (ReportStore own = ReportStore.open("jdbc:h2:mem:contribution-off-test");
             ServerHandle off = ServerHandle.start(noTerms, new ContributionSettings(own, null, null));
             ServerHandle noStore = ServerHandle.start(ServerHandle.builtSite())) {
            for (ServerHandle h : List.of(off, noStore)) {
                HttpResponse<byte[]> r = Http.send(HttpRequest.newBuilder(URI.create(h.url("contributions")))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(genuine(300).encode())).build());
                assertEquals(503, r.statusCode(), text(r));
            }
            assertEquals(0, own.count(manifest.modelId()));
        }
    }
}
