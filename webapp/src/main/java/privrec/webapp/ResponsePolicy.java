package privrec.webapp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Headers every response carries, and the caching rule. The values are the privacy boundary in the browser:
 * only this origin may supply script, style or data; nothing inline; no framing; no referrer; no cookies.
 */
public final class ResponsePolicy {

    /**
     * 'wasm-unsafe-eval' lets onnxruntime-web compile its WebAssembly; it does not allow eval() or inline script.
     * worker-src 'self': onnxruntime-web's proxy worker (inference off the main thread) is started from its own
     * script file, ort/ort.wasm.min.js; no blob: or data: workers. (default-src would allow the same; stated so a
     * future tightening of default-src cannot silently stop the worker.)
     * img-src allows data: for the empty favicon in index.html (which saves a request).
     */
    public static final String CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; "
            + "connect-src 'self'; "
            + "img-src 'self' data:; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    /**
     * The CSP as index.html's {@code <meta http-equiv>} carries it, for hosts that cannot set headers: browsers
     * ignore {@code frame-ancestors} in a meta CSP, so that directive (framing protection) is lost there.
     */
    public static final String META_CSP = CSP.replace("; frame-ancestors 'none'", "");

    public static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), interest-cohort=()";

    public static final String CACHE_IMMUTABLE = "public, max-age=31536000, immutable";
    /** Cached, but revalidated (ETag → 304) on every use: the manifest, index.html, boot.js, fixed-name files. */
    public static final String CACHE_REVALIDATE = "no-cache";

    /**
     * The one source of the security headers: this server sends them on every response (errors and redirects
     * included), and the build writes the same values into the nginx and Caddy snippets and the {@code _headers}
     * file of the deployable folder ({@link privrec.webapp.deploy.DeployBundle}), so no host can drift from it.
     */
    public static final Map<String, String> SECURITY_HEADERS = securityHeaders();

    private ResponsePolicy() {
    }

    private static Map<String, String> securityHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", CSP);
        h.put("Referrer-Policy", "no-referrer");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Cross-Origin-Resource-Policy", "same-origin");
        // Isolates the browsing context from any window that opened it; costs nothing for a single-page app.
        h.put("Cross-Origin-Opener-Policy", "same-origin");
        // With COOP, makes the page cross-origin isolated (everything it loads is same-origin anyway). Without
        // it Chromium reports onnxruntime-web's shared wasm memory as a deprecated SharedArrayBuffer use
        // (Lighthouse best practices). Isolation would also allow wasm threads; the client still sets
        // numThreads = 1 (privrec.client.js.ort.Ort), because 2 threads were slower on 2 cores (platform notes).
        h.put("Cross-Origin-Embedder-Policy", "require-corp");
        h.put("Permissions-Policy", PERMISSIONS);
        return Collections.unmodifiableMap(h);
    }

    public static String cacheControl(Asset asset) {
        return asset.immutable() ? CACHE_IMMUTABLE : CACHE_REVALIDATE;
    }
}
