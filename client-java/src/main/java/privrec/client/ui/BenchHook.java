package privrec.client.ui;

import org.teavm.jso.browser.Performance;
import org.teavm.jso.core.JSPromise;

import privrec.client.app.AppController;
import privrec.client.js.dom.BenchExport;
import privrec.client.model.NaiveBenchmark;
import privrec.core.Encoder;

/**
 * {@code window.privrecBench}: {@code scoreOnce()} resolves to the milliseconds of one full-catalog scoring (the
 * open profile's history, or none); {@code compareNaive(n)} to one batched run vs n per-movie runs
 * ({@link NaiveBenchmark}); {@code lastActionMs()} is the last click→re-rendered-screen time, {@code lastReasonsMs()} the last
 * click→reasons-filled-in time.
 */
public final class BenchHook {
    private BenchHook() {
    }

    public static void install(AppController app) {
        BenchExport.install(
                ignored -> JSPromise.callAsync(() -> {
                    double t0 = Performance.now();
                    app.scoreCatalog();
                    return BenchExport.number(Performance.now() - t0);
                }),
                items -> JSPromise.callAsync(() -> {
                    int n = Math.max(1, Math.min(items, app.model().catalog().size()));
                    float[] history = new float[app.model().catalog().size()];
                    float[] profile = new float[Encoder.profileWidth()];
                    NaiveBenchmark.Result r = NaiveBenchmark.compare(app.model().scorer(), history, profile, n,
                            Performance::now);
                    return BenchExport.naiveResult(r.items(), r.batchMillis(), r.perItemMillis(), r.slowdown(),
                            r.maxAbsDiff());
                }));
    }
}
