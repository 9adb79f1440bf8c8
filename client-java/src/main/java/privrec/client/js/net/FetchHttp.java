package privrec.client.js.net;

import java.nio.charset.StandardCharsets;
import org.teavm.jso.JSBody;
import org.teavm.jso.core.JSPromise;
import privrec.client.js.Bytes;
import privrec.client.js.JsPromises;
import privrec.client.model.Http;
import privrec.client.model.HttpException;

/**
 * {@link Http} over {@code fetch}: a plain GET with no body, no custom header, no query, no credentials, no
 * referrer, same origin only, and {@code cache: "no-store"}. "no-store" rather than revalidation on purpose: a
 * conditional GET would send {@code If-None-Match}/{@code If-Modified-Since}, which differ between users and can
 * carry a tracking ETag; the manifest is small, and model files are cached by hash on our side.
 *
 * <p>Where {@code fetch} is missing (HtmlUnit without its polyfill) the same GET goes through XMLHttpRequest,
 * which cannot bypass the HTTP cache without a custom header, so the manifest may then come from the HTTP cache.
 */
public final class FetchHttp implements Http {
    @Override
    public byte[] getBytes(String url, Progress progress) throws HttpException {
        return start(url, progress).bytes();
    }

    /** The fetch starts now; {@link Download#bytes} waits for it (on a TeaVM thread). */
    @Override
    public Download start(String url, Progress progress) {
        JSPromise<FetchResult> pending = get(url, progress == null ? null : progress::received);
        return () -> {
            FetchResult result = JsPromises.await(pending);
            checkOk(url, result);
            return Bytes.wrap(result.getBody());
        };
    }

    @Override
    public String getText(String url) throws HttpException {
        // Bytes, then UTF-8 in Java: one code path for both transports, and no reliance on the server's charset.
        FetchResult result = JsPromises.await(get(url, null));
        checkOk(url, result);
        return new String(Bytes.wrap(result.getBody()), StandardCharsets.UTF_8);
    }

    private static void checkOk(String url, FetchResult result) throws HttpException {
        int status = result.getStatus();
        if (status == 0) {
            throw new HttpException(0, "GET " + url + " failed: " + result.getError());
        }
        if (status < 200 || status > 299) {
            throw new HttpException(status, "GET " + url + " answered HTTP " + status);
        }
    }

    @JSBody(params = {"url", "onProgress"}, script = ""
            + "function failed(e) { return { status: 0, body: null, error: String((e && e.message) || e) }; }"
            + "if (typeof fetch !== 'function') {"
            + "  return new Promise(function (resolve) {"
            + "    var x = new XMLHttpRequest();"
            + "    x.open('GET', url, true);"
            + "    x.responseType = 'arraybuffer';"
            + "    x.onprogress = function (e) { if (onProgress) onProgress(e.loaded | 0); };"
            + "    x.onload = function () { resolve({ status: x.status, body: x.response, error: null }); };"
            + "    x.onerror = function () { resolve(failed('network error')); };"
            + "    x.onabort = function () { resolve(failed('request aborted')); };"
            + "    x.send();"
            + "  });"
            + "}"
            + "var init = { method: 'GET', cache: 'no-store', credentials: 'omit', mode: 'same-origin',"
            + "  redirect: 'error', referrerPolicy: 'no-referrer' };"
            + "return fetch(url, init).then(function (r) {"
            + "  if (!r.ok) return { status: r.status, body: null, error: null };"
            + "  if (!onProgress || !r.body || typeof r.body.getReader !== 'function') {"
            + "    return r.arrayBuffer().then(function (b) {"
            + "      if (onProgress) onProgress(b.byteLength);"
            + "      return { status: r.status, body: b, error: null };"
            + "    });"
            + "  }"
            + "  var reader = r.body.getReader(), chunks = [], loaded = 0;"
            + "  function pump() {"
            + "    return reader.read().then(function (s) {"
            + "      if (s.done) {"
            + "        var all = new Uint8Array(loaded), at = 0;"
            + "        for (var i = 0; i < chunks.length; i++) { all.set(chunks[i], at); at += chunks[i].length; }"
            + "        return { status: r.status, body: all.buffer, error: null };"
            + "      }"
            + "      chunks.push(s.value); loaded += s.value.length; onProgress(loaded);"
            + "      return pump();"
            + "    });"
            + "  }"
            + "  return pump();"
            + "}).then(undefined, failed);")
    private static native JSPromise<FetchResult> get(String url, ProgressCallback onProgress);
}
