package privrec.client.bench;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;

/**
 * Installs {@code window.privrecBench} for the benchmark (bench build only). Only timing helpers: it exposes no
 * user data, and nothing calls it unless page-external test code does.
 */
final class BenchExport {
    private BenchExport() {
    }

    /** A Java function JS can call; returns a promise because the work blocks on a TeaVM thread. */
    @JSFunctor
    interface AsyncFunction extends JSObject {
        JSPromise<JSObject> call(int argument);
    }

    @JSBody(params = {"scoreOnce", "compareNaive"}, script =
            "window.privrecBench = {"
            + "  scoreOnce: function() { return scoreOnce(0); },"
            + "  compareNaive: function(items) { return compareNaive(items | 0); },"
            + "  lastActionMs: function() { return Number(document.body.getAttribute('data-last-action-ms')); },"
            + "  lastReasonsMs: function() { return Number(document.body.getAttribute('data-last-reasons-ms')); },"
            + "  renderCount: function() { return Number(document.body.getAttribute('data-render-count')); }"
            + "};")
    static native void install(AsyncFunction scoreOnce, AsyncFunction compareNaive);

    @JSBody(params = "value", script = "return value;")
    static native JSObject number(double value);

    @JSBody(params = {"items", "batchMillis", "perItemMillis", "slowdown", "maxAbsDiff"}, script =
            "return {items: items, batchMillis: batchMillis, perItemMillis: perItemMillis, slowdown: slowdown,"
            + " maxAbsDiff: maxAbsDiff};")
    static native JSObject naiveResult(int items, double batchMillis, double perItemMillis, double slowdown,
                                              double maxAbsDiff);
}
