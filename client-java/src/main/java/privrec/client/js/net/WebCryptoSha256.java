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
        startWorker();
        return JsPromises.await(digestHex(data)).stringValue();
    }

    /** True where {@code crypto.subtle} exists (it does not on plain-HTTP pages other than localhost). */
    @JSBody(script = "return typeof crypto !== 'undefined' && !!crypto.subtle "
            + "&& typeof crypto.subtle.digest === 'function';")
    public static native boolean available();

    /**
     * Starts {@code sha256-worker.js} and asks it whether it can hash, so the answer is there by the time the
     * first file arrives. Call once, early (page start); without it the first {@link #hex} starts the worker.
     */
    public static void prepare() {
        startWorker();
    }

    /** Give up on a worker that has not answered the ping this long after it was started (HtmlUnit's never do). */
    static final int WORKER_DEADLINE_MILLIS = 2_000;

    @JSBody(params = "deadlineMillis", script = ""
            + "if (window.__privrecSha256) return;"
            + "var s = window.__privrecSha256 = { worker: null, ready: false, dead: false, waiters: [],"
            + "  pending: {}, next: 0, deadline: performance.now() + deadlineMillis };"
            + "function settle(ok) {"
            + "  s.ready = ok; s.dead = !ok;"
            + "  var w = s.waiters; s.waiters = [];"
            + "  for (var i = 0; i < w.length; i++) w[i]();"
            + "  if (!ok) { var p = s.pending; s.pending = {}; for (var k in p) p[k]({ error: 'worker failed' }); }"
            + "}"
            + "s.settle = settle;"
            + "try {"
            + "  if (typeof Worker !== 'function') { s.dead = true; return; }"
            + "  s.worker = new Worker('sha256-worker.js');"
            + "  s.worker.onmessage = function (e) {"
            + "    if ('pong' in e.data) { settle(!!e.data.pong); return; }"
            + "    var p = s.pending[e.data.id]; delete s.pending[e.data.id];"
            + "    if (p) p(e.data);"
            + "  };"
            + "  s.worker.onerror = function (e) { if (e && e.preventDefault) e.preventDefault(); settle(false); };"
            + "  s.worker.postMessage({ ping: true });"
            + "} catch (e) { s.dead = true; }")
    private static native void startWorker(int deadlineMillis);

    private static void startWorker() {
        startWorker(WORKER_DEADLINE_MILLIS);
    }

    /**
     * Hashes in {@code sha256-worker.js} (a dedicated worker of this site, CSP {@code worker-src 'self'}) on a
     * copy of the bytes, because Chromium computes {@code digest} on the calling thread: 34 MB would block the
     * page for ~100-200 ms. Where the worker cannot hash (no Worker, no WebCrypto in workers, a host that serves
     * it wrongly, or no answer to its ping by the deadline), the digest is computed here — the same WebCrypto call.
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
            + "var s = window.__privrecSha256;"
            + "function ready() {"
            + "  if (s.ready || s.dead) return Promise.resolve();"
            + "  return new Promise(function (resolve) {"
            + "    s.waiters.push(resolve);"
            + "    setTimeout(function () { if (!s.ready && !s.dead) s.settle(false); resolve(); },"
            + "      Math.max(0, s.deadline - performance.now()));"
            + "  });"
            + "}"
            + "return ready().then(function () {"
            + "  if (!s.ready) return here();"
            + "  return new Promise(function (resolve) {"
            // slice() of the same element type is one memcpy (a Uint8Array.set of an Int8Array converts each byte).
            + "    var id = ++s.next, bytes = data.slice();"
            + "    s.pending[id] = resolve;"
            + "    try { s.worker.postMessage({ id: id, bytes: bytes.buffer }, [bytes.buffer]); }"
            + "    catch (e) { delete s.pending[id]; resolve({ error: String(e) }); }"
            + "  }).then(function (r) { return r.hex ? r.hex : here(); });"
            + "});")
    private static native JSPromise<JSString> digestHex(@JSByRef byte[] data);
}
