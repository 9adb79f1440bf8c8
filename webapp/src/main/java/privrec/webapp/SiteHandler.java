package privrec.webapp;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Answers every request from the in-memory {@link Site}. The app only ever GETs whole static files, so anything
 * else is refused: other methods 405, a query string or a request body 400 (so no client bug can smuggle user
 * data into a URL or upload that the operator could log).
 */
final class SiteHandler implements HttpHandler {

    /**
     * Request paths are never percent-decoded: a path is a plain sequence of simple names, or it is not found.
     * That rules out {@code ..}, encoded slashes and NUL before any lookup happens.
     */
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_][A-Za-z0-9._-]*)+|/");

    private final Site site;
    private final RequestLog log;

    SiteHandler(Site site, RequestLog log) {
        this.site = site;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        String query = ex.getRequestURI().getRawQuery();
        Headers req = ex.getRequestHeaders();
        boolean hadCookie = req.containsKey("Cookie");
        boolean hadBody = req.containsKey("Transfer-Encoding") || contentLength(req) > 0;
        Headers rsp = ex.getResponseHeaders();
        ResponsePolicy.applySecurityHeaders(rsp);
        Outcome outcome;
        try {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                rsp.set("Allow", "GET, HEAD");
                outcome = plain(ex, 405, "Method not allowed\n");
            } else if (query != null || hadBody) {
                outcome = plain(ex, 400, "Bad request: this site takes no query strings or request bodies\n");
            } else {
                outcome = serve(ex, path == null ? "" : path);
            }
        } finally {
            ex.close();
        }
        log.add(new RequestRecord(method, path, query, outcome.status, outcome.bytes, outcome.coding, hadCookie, hadBody));
    }

    private Outcome serve(HttpExchange ex, String path) throws IOException {
        Optional<Asset> found = SAFE_PATH.matcher(path).matches()
                ? site.find(path.equals("/") ? "index.html" : path.substring(1))
                : Optional.empty();
        if (found.isEmpty()) {
            return plain(ex, 404, "Not found\n");
        }
        Asset asset = found.get();
        String coding = AcceptEncoding.choose(ex.getRequestHeaders().getFirst("Accept-Encoding"), asset);
        byte[] body = asset.representation(coding).orElseThrow();
        String etag = asset.etag(coding);
        Headers rsp = ex.getResponseHeaders();
        rsp.set("Content-Type", asset.contentType());
        rsp.set("Cache-Control", ResponsePolicy.cacheControl(asset));
        rsp.set("ETag", etag);
        if (!asset.encoded().isEmpty()) {
            rsp.set("Vary", "Accept-Encoding");
        }
        if (!coding.equals("identity")) {
            rsp.set("Content-Encoding", coding);
        }
        if (ifNoneMatch(ex.getRequestHeaders().getFirst("If-None-Match"), etag)) {
            ex.sendResponseHeaders(304, -1);
            return new Outcome(304, 0, coding);
        }
        return send(ex, 200, body, coding);
    }

    /** RFC 9110 13.1.2: weak comparison, a list of tags, or {@code *}. */
    static boolean ifNoneMatch(String header, String etag) {
        if (header == null) {
            return false;
        }
        for (String tag : header.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static Outcome plain(HttpExchange ex, int status, String text) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        return send(ex, status, text.getBytes(StandardCharsets.UTF_8), "identity");
    }

    private static Outcome send(HttpExchange ex, int status, byte[] body, String coding) throws IOException {
        if (ex.getRequestMethod().equals("HEAD")) {
            // The JDK omits Content-Length for HEAD unless set by hand; a HEAD must describe the GET it mirrors.
            ex.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            ex.sendResponseHeaders(status, -1);
            return new Outcome(status, 0, coding);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
        return new Outcome(status, body.length, coding);
    }

    private static long contentLength(Headers h) {
        String v = h.getFirst("Content-Length");
        try {
            return v == null ? 0 : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return 1; // malformed: treat as a body, which is refused
        }
    }

    private record Outcome(int status, long bytes, String coding) {
    }
}
