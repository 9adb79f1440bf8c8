package privrec.client.js.net;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.core.JSString;
import privrec.client.js.JsPromises;
import privrec.client.model.Sha256;

/** {@link Sha256} with WebCrypto's {@code crypto.subtle.digest}; needs a secure context (HTTPS or localhost). */
public final class WebCryptoSha256 implements Sha256 {
    @Override
    public String hex(byte[] data) {
        return JsPromises.await(digestHex(data)).stringValue();
    }

    /** True where {@code crypto.subtle} exists (it does not on plain-HTTP pages other than localhost). */
    @JSBody(script = "return typeof crypto !== 'undefined' && !!crypto.subtle "
            + "&& typeof crypto.subtle.digest === 'function';")
    public static native boolean available();

    /**
     * Hashes in {@code sha256-worker.js} (a dedicated worker of this site, CSP {@code worker-src 'self'}) on a
     * copy of the bytes, because Chromium computes {@code digest} on the calling thread: 34 MB would block the
     * page for ~100-200 ms. Where the worker cannot start or answers with an error (no Worker, no WebCrypto in
     * workers, a host that serves it wrongly), the digest is computed here instead — the same WebCrypto call.
     * {@code data} is the Java array's own Int8Array (by reference): the worker gets a copy (transferred), and the
     * fallback passes it to {@code digest}, which copies its input when called (WebCrypto spec).
     */
    @JSBody(params = "data", script = ""
            + "function hex(d) {"
            + "  var b = new Uint8Array(d), s = '';"
            + "  for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? '0' : '') + b[i].toString(16);"
            + "  return s;"
            + "}"
            + "function here() {"
            + "  return Promise.resolve().then(function () {"
            + "    if (typeof crypto === 'undefined' || !crypto.subtle) {"
            + "      throw new Error('crypto.subtle is not available (the page is not a secure context)');"
            + "    }"
            // digest copies its input when called (WebCrypto spec), so the Java array itself is passed here.
            + "    return crypto.subtle.digest('SHA-256', data);"
            + "  }).then(hex);"
            + "}"
            + "var w = window.__privrecSha256Worker;"
            + "if (w === undefined) {"
            + "  w = null;"
            + "  try {"
            + "    if (typeof Worker === 'function') {"
            + "      w = new Worker('sha256-worker.js');"
            + "      w.pending = {}; w.next = 0;"
            + "      w.onmessage = function (e) {"
            + "        var p = w.pending[e.data.id]; delete w.pending[e.data.id];"
            + "        if (p) p(e.data);"
            + "      };"
            + "      w.onerror = function (e) {"
            + "        if (e && e.preventDefault) e.preventDefault();"
            + "        window.__privrecSha256Worker = null;"
            + "        var all = w.pending; w.pending = {};"
            + "        for (var k in all) all[k]({ error: 'worker failed' });"
            + "      };"
            + "    }"
            + "  } catch (e) { w = null; }"
            + "  window.__privrecSha256Worker = w;"
            + "}"
            + "if (!w) return here();"
            + "return new Promise(function (resolve) {"
            + "  var id = ++w.next, bytes = new Uint8Array(data.length);"
            + "  bytes.set(data);"
            + "  w.pending[id] = resolve;"
            + "  try { w.postMessage({ id: id, bytes: bytes.buffer }, [bytes.buffer]); }"
            + "  catch (e) { delete w.pending[id]; resolve({ error: String(e) }); }"
            + "}).then(function (r) {"
            + "  if (r.hex) return r.hex;"
            + "  window.__privrecSha256Worker = null;"
            + "  return here();"
            + "});")
    private static native JSPromise<JSString> digestHex(@JSByRef byte[] data);
}
