package privrec.webapp;

import com.sun.net.httpserver.Headers;

/**
 * Headers every response carries, and the caching rule. The values are the privacy boundary in the browser:
 * only this origin may supply script, style or data; nothing inline; no framing; no referrer; no cookies.
 */
public final class ResponsePolicy {

    /**
     * 'wasm-unsafe-eval' lets onnxruntime-web compile its WebAssembly; it does not allow eval() or inline script.
     * img-src allows data: for the empty favicon in index.html (which saves a request).
     */
    public static final String CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; "
            + "img-src 'self' data:; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    public static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), interest-cohort=()";

    public static final String CACHE_IMMUTABLE = "public, max-age=31536000, immutable";
    /** Cached, but revalidated (ETag → 304) on every use: the manifest, index.html, boot.js, fixed-name files. */
    public static final String CACHE_REVALIDATE = "no-cache";

    private ResponsePolicy() {
    }

    static void applySecurityHeaders(Headers h) {
        h.set("Content-Security-Policy", CSP);
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Cross-Origin-Resource-Policy", "same-origin");
        // Isolates the browsing context from any window that opened it; costs nothing for a single-page app.
        // COEP is not set: it would enable multi-threaded wasm, which was slower on 2 cores (platform notes).
        h.set("Cross-Origin-Opener-Policy", "same-origin");
        h.set("Permissions-Policy", PERMISSIONS);
    }

    static String cacheControl(Asset asset) {
        return asset.immutable() ? CACHE_IMMUTABLE : CACHE_REVALIDATE;
    }
}
