package privrec.client.js.dom;

import org.teavm.jso.JSBody;
import org.teavm.jso.browser.Performance;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.core.JSUndefined;
import privrec.client.js.JsPromises;
import privrec.client.model.Pacer;

/**
 * {@link Pacer} on the page's event loop: after {@value #SLICE_MILLIS} ms of work since the last pause, the TeaVM
 * thread waits for one turn of the event loop, so input and rendering run in between. The turn is
 * {@code scheduler.yield()} where it exists, else a MessageChannel message (not throttled like a timer in a
 * background tab), else {@code setTimeout(0)}. Call on a TeaVM thread.
 */
public final class BrowserPacer implements Pacer {
    /** Well under the 50 ms a long task starts at, and long enough that the pauses cost little. */
    static final double SLICE_MILLIS = 8;

    private double sliceStart = Performance.now();

    @Override
    public void between() {
        if (Performance.now() - sliceStart < SLICE_MILLIS) {
            return;
        }
        JsPromises.await(nextTurn());
        sliceStart = Performance.now();
    }

    @JSBody(script = ""
            + "return new Promise(function (resolve) {"
            + "  if (typeof scheduler !== 'undefined' && scheduler && typeof scheduler.yield === 'function') {"
            + "    scheduler.yield().then(resolve, resolve); return;"
            + "  }"
            + "  if (typeof MessageChannel === 'function') {"
            + "    var c = new MessageChannel();"
            + "    c.port1.onmessage = function () { c.port1.close(); resolve(); };"
            + "    c.port2.postMessage(0); return;"
            + "  }"
            + "  setTimeout(resolve, 0);"
            + "});")
    private static native JSPromise<JSUndefined> nextTurn();
}
