package privrec.client.js;

import org.teavm.interop.Async;
import org.teavm.interop.AsyncCallback;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSExceptions;
import org.teavm.jso.core.JSError;
import org.teavm.jso.core.JSPromise;

/**
 * Blocking {@code await} for JS promises that keeps the rejection reason.
 *
 * <p>TeaVM's own {@code JSPromise.await()} turns a rejection into a message-less RuntimeException, which makes a
 * WebCrypto {@code OperationError} indistinguishable from a {@code QuotaExceededError} or a bug. This helper
 * throws {@link JsException} with the JS error's name and message instead; a Java exception that travelled through
 * JS (thrown inside a Java callback) comes back as itself.
 *
 * <p>Like every TeaVM blocking call, {@link #await} works only on a TeaVM thread ({@code main}, a
 * {@code new Thread(..).start()}, or inside {@code JSPromise.callAsync}); from a DOM listener start a thread first.
 */
public final class JsPromises {
    private JsPromises() {
    }

    /** Suspends the current TeaVM thread until {@code promise} settles; returns its value or throws its reason. */
    @Async
    public static native <T> T await(JSPromise<T> promise);

    // The @Async pair (same shape as TeaVM's own JSPromiseHelper): TeaVM calls this with a callback that resumes
    // the suspended thread.
    static <T> void await(JSPromise<T> promise, AsyncCallback<T> callback) {
        promise.then(value -> {
            callback.complete(value);
            return null;
        }, reason -> {
            callback.error(toJava(reason));
            return null;
        });
    }

    /** Converts a JS rejection reason or caught JS exception into a Java exception that keeps name and message. */
    public static RuntimeException toJava(Object reason) {
        if (reason instanceof RuntimeException runtime) {
            return runtime;
        }
        if (reason instanceof Throwable other) {
            return new RuntimeException(other);
        }
        if (reason instanceof JSError error) {
            // A Java exception thrown inside a Java callback reaches JS wrapped in an Error; unwrap it.
            Throwable java = JSExceptions.getJavaException(error);
            if (java instanceof RuntimeException runtime) {
                return runtime;
            }
            if (java != null) {
                return new RuntimeException(java);
            }
        }
        return new JsException(errorName(reason), errorMessage(reason));
    }

    @JSBody(params = "r", script = "if (r !== null && r !== undefined && typeof r.name === 'string' && r.name) "
            + "return r.name; return 'Error';")
    private static native String errorName(Object r);

    @JSBody(params = "r", script = "if (r === null || r === undefined) return String(r);"
            + "if (typeof r.message === 'string') return r.message;"
            + "try { return String(r); } catch (e) { return 'unprintable rejection reason'; }")
    private static native String errorMessage(Object r);
}
