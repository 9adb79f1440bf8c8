package privrec.webapp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers every request from the in-memory {@link Site}. The app only ever GETs whole static files, so anything
 * else is refused: other methods 405, a request body 400 (answered at once, without reading the body, and the
 * connection closed). A URL with a query string — a shared link with {@code ?utm_source=…} — is redirected to the
 * same path without it; the query is neither logged nor stored.
 *
 * <p>Non-blocking: a response is handed to Jetty as one buffer of the in-memory file and written as the client
 * reads, so a slow reader costs a connection, never a thread.
 */
final class SiteHandler extends Handler.Abstract.NonBlocking {

    /**
     * Request paths are never percent-decoded: a path is a plain sequence of simple names, or it is not found.
     * That rules out {@code ..}, encoded slashes and NUL before any lookup happens.
     */
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_][A-Za-z0-9._-]*)+|/");

    private final Site site;
    private final RequestLog log;
    private final ConnectionDeadlines deadlines;

    SiteHandler(Site site, RequestLog log, ConnectionDeadlines deadlines) {
        this.site = site;
        this.log = log;
        this.deadlines = deadlines;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        deadlines.requestStarted(request);
        // Marked ended before Jetty completes the exchange, so the next request on this connection cannot start first.
        Callback done = Callback.from(() -> deadlines.requestEnded(request), callback);
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
        boolean hadQuery = request.getHttpURI().getQuery() != null;
        HttpFields req = request.getHeaders();
        boolean hadCookie = req.contains(HttpHeader.COOKIE);
        boolean hadBody = req.contains(HttpHeader.TRANSFER_ENCODING) || request.getLength() > 0;
        HttpFields.Mutable rsp = response.getHeaders();
        ResponsePolicy.SECURITY_HEADERS.forEach(rsp::put);
        Outcome outcome;
        if (!method.equals("GET") && !method.equals("HEAD")) {
            rsp.put(HttpHeader.ALLOW, "GET, HEAD");
            // Closed too: a client that sends other methods may follow with a body this server never reads.
            outcome = plain(request, response, done, 405, "Method not allowed\n", true);
        } else if (hadBody) {
            outcome = plain(request, response, done, 400, "Bad request: this site takes no request bodies\n", true);
        } else if (hadQuery) {
            outcome = redirectWithoutQuery(request, response, done, path);
        } else {
            outcome = serve(request, response, done, path == null ? "" : path);
        }
        log.add(new RequestRecord(method, path, hadQuery, outcome.status, outcome.bytes, outcome.coding, hadCookie,
                hadBody));
        return true;
    }

    /** 301 to the path alone; relative (path only), so it never names a host. */
    private static Outcome redirectWithoutQuery(Request request, Response response, Callback done, String path) {
        String target = path == null || path.isEmpty() || !path.startsWith("/") ? "/" : path;
        if (!SAFE_PATH.matcher(target).matches()) {
            return plain(request, response, done, 404, "Not found\n", false);
        }
        response.getHeaders().put(HttpHeader.LOCATION, target);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        return plain(request, response, done, 301, "Moved to " + target + "\n", false);
    }

    private Outcome serve(Request request, Response response, Callback done, String path) {
        Optional<Asset> found = SAFE_PATH.matcher(path).matches()
                ? site.find(path.equals("/") ? "index.html" : path.substring(1))
                : Optional.empty();
        if (found.isEmpty()) {
            return plain(request, response, done, 404, "Not found\n", false);
        }
        Asset asset = found.get();
        String coding = AcceptEncoding.choose(request.getHeaders().get(HttpHeader.ACCEPT_ENCODING), asset);
        byte[] body = asset.representation(coding).orElseThrow();
        String etag = asset.etag(coding);
        HttpFields.Mutable rsp = response.getHeaders();
        rsp.put(HttpHeader.CONTENT_TYPE, asset.contentType());
        rsp.put(HttpHeader.CACHE_CONTROL, ResponsePolicy.cacheControl(asset));
        rsp.put(HttpHeader.ETAG, etag);
        if (!asset.encoded().isEmpty()) {
            rsp.put(HttpHeader.VARY, "Accept-Encoding");
        }
        if (!coding.equals("identity")) {
            rsp.put(HttpHeader.CONTENT_ENCODING, coding);
        }
        if (ifNoneMatch(request.getHeaders().get(HttpHeader.IF_NONE_MATCH), etag)) {
            response.setStatus(304);
            response.write(true, null, done);
            return new Outcome(304, 0, coding);
        }
        return send(request, response, done, 200, body, coding);
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

    private static Outcome plain(Request request, Response response, Callback done, int status, String text,
                                 boolean close) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        if (!response.getHeaders().contains(HttpHeader.CACHE_CONTROL)) {
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        }
        if (close) {
            // The body is never read: close instead of waiting for bytes a client may never send.
            response.getHeaders().put(new HttpField(HttpHeader.CONNECTION, "close"));
        }
        return send(request, response, done, status, text.getBytes(StandardCharsets.UTF_8), "identity");
    }

    private static Outcome send(Request request, Response response, Callback done, int status, byte[] body,
                                String coding) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if (request.getMethod().equals("HEAD")) {
            response.write(true, null, done);
            return new Outcome(status, 0, coding);
        }
        response.write(true, ByteBuffer.wrap(body).asReadOnlyBuffer(), done);
        return new Outcome(status, body.length, coding);
    }

    private record Outcome(int status, long bytes, String coding) {
    }
}
