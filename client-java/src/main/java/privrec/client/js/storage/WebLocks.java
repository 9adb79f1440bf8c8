package privrec.client.js.storage;

import java.util.function.Supplier;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import privrec.client.js.JsPromises;
import privrec.client.vault.VaultLocks;

/**
 * {@link VaultLocks} on the Web Locks API: {@code navigator.locks.request(name, callback)} grants an exclusive lock
 * shared by every tab and worker of this origin, held until the promise the callback returns settles, and released
 * by the browser if the tab goes away.
 *
 * <p>Where {@code navigator.locks} is missing (HtmlUnit, very old browsers) an in-tab FIFO queue per name stands
 * in: it serialises this tab's own writers (a rating and a settings change racing at an await), while other tabs
 * are then guarded only by the vault's compare-and-set. Blocking, so call it on a TeaVM thread.
 */
public final class WebLocks implements VaultLocks {
    /** name → promise of the last queued holder's release (fallback only). */
    private final JSObject fallbackQueues = newObject();
    private final boolean native_;

    public WebLocks() {
        native_ = hasWebLocks();
    }

    /** True when the browser offers the Web Locks API (so the lock spans tabs). */
    public boolean spansTabs() {
        return native_;
    }

    @Override
    public <T> T withLock(String name, Supplier<T> body) {
        JSObject release = JsPromises.await(native_ ? acquire(name) : acquireInTab(fallbackQueues, name));
        try {
            return body.get();
        } finally {
            call(release);
        }
    }

    @JSBody(script = "return typeof navigator !== 'undefined' && !!navigator.locks "
            + "&& typeof navigator.locks.request === 'function';")
    private static native boolean hasWebLocks();

    @JSBody(script = "return {};")
    private static native JSObject newObject();

    /** Resolves with a release function once the lock is granted; the lock is held until that is called. */
    @JSBody(params = "name", script = "return new Promise(function(granted, failed) {"
            + " navigator.locks.request(name, {mode: 'exclusive'}, function() {"
            + "  return new Promise(function(release) { granted(release); }); })"
            + " .catch(failed); });")
    private static native JSPromise<JSObject> acquire(String name);

    @JSBody(params = {"queues", "name"}, script = "var previous = queues[name] || Promise.resolve();"
            + "var release; var held = new Promise(function(r) { release = r; });"
            + "queues[name] = previous.then(function() { return held; });"
            + "return previous.then(function() { return release; });")
    private static native JSPromise<JSObject> acquireInTab(JSObject queues, String name);

    @JSBody(params = "f", script = "f();")
    private static native void call(JSObject f);
}
