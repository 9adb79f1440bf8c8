package privrec.client.js.dom;

import org.teavm.jso.JSBody;
import org.teavm.jso.core.JSPromise;

import privrec.client.js.JsPromises;

/** Waiting for the browser to paint what the DOM now holds. */
public final class Frames {
    private Frames() {
    }

    /**
     * Suspends the current TeaVM thread until the browser has had its chance to paint (the next animation frame,
     * then one task later), so a slow step that follows does not delay showing the screen already built. A
     * 100 ms timer stands in where frames never come (hidden tab, HtmlUnit).
     */
    public static void afterNextPaint() {
        JsPromises.await(nextPaint());
    }

    @JSBody(script = "return new Promise(function (resolve) {"
            + " var done = false;"
            + " function go() { if (!done) { done = true; setTimeout(resolve, 0); } }"
            + " if (typeof requestAnimationFrame === 'function') requestAnimationFrame(go);"
            + " setTimeout(go, 100); });")
    private static native JSPromise<Object> nextPaint();
}
