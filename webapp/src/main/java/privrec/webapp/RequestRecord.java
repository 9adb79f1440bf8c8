package privrec.webapp;

/**
 * What the server saw of one request and what it answered. Privacy tests compare these between users, so the
 * record holds only request properties, never timing.
 *
 * @param method          request method
 * @param path            raw request path, e.g. {@code /models/model.onnx}
 * @param hadQuery        whether the URL carried a query string (the app never sends one; it is redirected away
 *                        and its text is never kept)
 * @param status          response status
 * @param bytes           response body bytes sent (0 for HEAD and 304)
 * @param contentEncoding {@code identity}, {@code br} or {@code gzip}
 * @param hadCookie       whether the request carried a Cookie header (it never should: no cookie is ever set)
 * @param hadBody         whether the request declared a body (Content-Length &gt; 0 or Transfer-Encoding)
 */
public record RequestRecord(String method, String path, boolean hadQuery, int status, long bytes,
                            String contentEncoding, boolean hadCookie, boolean hadBody) {

    /** The stdout line: {@code GET /app-1a2b3c4d.js 200 7629 br}. */
    public String logLine() {
        String target = hadQuery ? path + "?<query not logged>" : path;
        String line = method + ' ' + target + ' ' + status + ' ' + bytes;
        return "identity".equals(contentEncoding) ? line : line + ' ' + contentEncoding;
    }
}
