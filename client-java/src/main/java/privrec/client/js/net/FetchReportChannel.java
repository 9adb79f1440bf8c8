package privrec.client.js.net;

import org.teavm.jso.JSBody;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.ArrayBuffer;

import privrec.client.app.ReportChannel;
import privrec.client.js.Bytes;
import privrec.client.js.JsPromises;

/**
 * {@link ReportChannel} over {@code fetch}: one same-origin POST of the report's bytes to {@code contributions}
 * (relative to the page), with no credentials (no cookies), no referrer, {@code cache: 'no-store'} and only the
 * {@code Content-Type: application/octet-stream} header; no query string, nothing else. Without {@code fetch}
 * (HtmlUnit without its polyfill) nothing is sent and the report stays pending.
 */
public final class FetchReportChannel implements ReportChannel {
    /** The endpoint, relative to the page: {@code /contributions} on this origin. */
    public static final String PATH = "contributions";

    @Override
    public int post(byte[] body) {
        FetchResult result = JsPromises.await(send(PATH, Bytes.toJs(body)));
        if (result.getStatus() == 0) {
            throw new NetworkFailure("POST " + PATH + " failed: " + result.getError());
        }
        return result.getStatus();
    }

    @JSBody(params = {"url", "body"}, script = ""
            + "if (typeof fetch !== 'function') {"
            + "  return Promise.resolve({ status: 0, body: null, error: 'fetch is not available' });"
            + "}"
            + "return fetch(url, { method: 'POST', body: body, credentials: 'omit', cache: 'no-store',"
            + "    mode: 'same-origin', redirect: 'error', referrerPolicy: 'no-referrer',"
            + "    headers: { 'Content-Type': 'application/octet-stream' } })"
            + "  .then(function (r) { return { status: r.status, body: null, error: null }; },"
            + "        function (e) { return { status: 0, body: null, error: String((e && e.message) || e) }; });")
    private static native JSPromise<FetchResult> send(String url, ArrayBuffer body);
}
