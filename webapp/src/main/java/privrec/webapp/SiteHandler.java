package privrec.webapp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
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
 * connection closed) — except {@code POST /contributions} ({@link ContributionEndpoint}), the one request that
 * carries a body. A URL with a query string — a shared link with {@code ?utm_source=…} — is redirected to the
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
    private final ContributionEndpoint contributions;

    SiteHandler(Site site, RequestLog log, ConnectionDeadlines deadlines, ContributionEndpoint contributions) {
        this.site = site;
        this.log = log;
        this.deadlines = deadlines;
        this.contributions = contributions;
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
        // Logged just before the response is handed to Jetty: once written, the client may act on it at once.
        Exchange ex = new Exchange(request, response, done, outcome -> log.add(new RequestRecord(method, path,
                hadQuery, outcome.status, outcome.bytes, outcome.coding, hadCookie, hadBody)));
        if (ContributionEndpoint.PATH.equals(path)) {
            // The one path that takes a body; every other path still refuses bodies unread.
            contributions.handle(request, response, hadQuery, (status, text, close) -> {
                if (status == 204) {
                    noContent(ex);
                } else {
                    plain(ex, status, text + "\n", close);
                }
            });
        } else if (!method.equals("GET") && !method.equals("HEAD")) {
            rsp.put(HttpHeader.ALLOW, "GET, HEAD");
            // Closed too: a client that sends other methods may follow with a body this server never reads.
            plain(ex, 405, "Method not allowed\n", true);
        } else if (hadBody) {
            plain(ex, 400, "Bad request: this site takes no request bodies\n", true);
        } else if (hadQuery) {
            redirectWithoutQuery(ex, path);
        } else {
            serve(ex, path == null ? "" : path);
        }
        return true;
    }

    /** One request being answered, and what to do with its outcome right before the response is written. */
    private record Exchange(Request request, Response response, Callback done, Consumer<Outcome> beforeWrite) {
    }

    /** 301 to the path alone; relative (path only), so it never names a host. */
    private static void redirectWithoutQuery(Exchange ex, String path) {
        String target = path == null || path.isEmpty() || !path.startsWith("/") ? "/" : path;
        if (!SAFE_PATH.matcher(target).matches()) {
            plain(ex, 404, "Not found\n", false);
            return;
        }
        ex.response().getHeaders().put(HttpHeader.LOCATION, target);
        ex.response().getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        plain(ex, 301, "Moved to " + target + "\n", false);
    }

    private void serve(Exchange ex, String path) {
        Request request = ex.request();
        Response response = ex.response();
        Optional<Asset> found = SAFE_PATH.matcher(path).matches()
                ? site.find(path.equals("/") ? "index.html" : path.substring(1))
                : Optional.empty();
        if (found.isEmpty()) {
            plain(ex, 404, "Not found\n", false);
            return;
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
            ex.beforeWrite().accept(new Outcome(304, 0, coding));
            response.write(true, noBody(), ex.done());
            return;
        }
        send(ex, 200, body, coding);
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

    private static void plain(Exchange ex, int status, String text, boolean close) {
        Response response = ex.response();
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        if (!response.getHeaders().contains(HttpHeader.CACHE_CONTROL)) {
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        }
        if (close) {
            // The body is never read: close instead of waiting for bytes a client may never send.
            response.getHeaders().put(new HttpField(HttpHeader.CONNECTION, "close"));
        }
        send(ex, status, text.getBytes(StandardCharsets.UTF_8), "identity");
    }

    /** 204: no body, no Content-Length (RFC 9110 8.6), never cached. */
    private static void noContent(Exchange ex) {
        Response response = ex.response();
        response.setStatus(204);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        ex.beforeWrite().accept(new Outcome(204, 0, "identity"));
        response.write(true, noBody(), ex.done());
    }

    /**
     * The body of a 304 or HEAD reply: an empty buffer, not null — Jetty's MinimumDataRateHandler dereferences it,
     * and a null turned every 304 into a 500 (seen when Chromium revalidated index.html on a return visit).
     */
    private static ByteBuffer noBody() {
        return ByteBuffer.allocate(0);
    }

    private static void send(Exchange ex, int status, byte[] body, String coding) {
        Response response = ex.response();
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if (ex.request().getMethod().equals("HEAD")) {
            ex.beforeWrite().accept(new Outcome(status, 0, coding));
            response.write(true, noBody(), ex.done());
            return;
        }
        ex.beforeWrite().accept(new Outcome(status, body.length, coding));
        response.write(true, ByteBuffer.wrap(body).asReadOnlyBuffer(), ex.done());
    }

    private record Outcome(int status, long bytes, String coding) {
    }
}
