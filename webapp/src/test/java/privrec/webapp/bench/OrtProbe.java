package privrec.webapp.bench;

import java.nio.file.Path;
import privrec.webapp.ChromiumBrowser;
import privrec.webapp.ServerHandle;

/**
 * A probe, not a test: onnxruntime-web 1.30 alone in headless Chromium on a release folder (no app code), with and
 * without its proxy worker: the engine's start (a one-node graph: worker, wasm compile), then the model's session
 * create, and one-row scoring runs, the first and the
 * median of runs 41-80 (after V8's tier-up). Separates the model run from the app's wrapper in the bench's
 * full-catalog scoring. After {@code scripts/bench.sh} (which builds the bench site and the 87k model):
 * <pre>
 *   w=webapp/target; java -Dprivrec.site.dir=$w/classes/site -cp "$w/test-classes:$w/classes:$(cat $w/bench.classpath)" \
 *     privrec.webapp.bench.OrtProbe $w/bench-87k/model
 * </pre>
 * {@code -Dprivrec.probe.options='{"graphOptimizationLevel":"basic"}'} merges those session options (JSON) into
 * the model's create, to compare create and run times across options; {@code -Dprivrec.probe.proxy=true} runs only
 * the proxy-worker case.
 */
public final class OrtProbe {
    private OrtProbe() {
    }

    /** The one-node graph the app's {@code Ort.warmUp} starts the engine with (same bytes). */
    static final String WARM_UP_MODEL = "CAc6PAoQCgF4EgF5IghJZGVudGl0eRIGd2FybXVwWg8KAXgSCgoICAESBAoCCAFiDwoBeRIKCggIARIECgIIAUICEA0=";

    static final String SCRIPT = ""
        + "var done = arguments[arguments.length - 1]; var proxy = arguments[0]; var extra = JSON.parse(arguments[1]);"
        + "var s = document.createElement('script'); s.src = '/ort/ort.wasm.min.js';"
        + "s.onerror = function () { done('script failed'); };"
        + "s.onload = async function () { try {"
        + "  ort.env.wasm.numThreads = 1; ort.env.wasm.proxy = proxy; ort.env.wasm.wasmPaths = location.origin + '/ort/';"
        + "  var m = await (await fetch('/models/manifest.json')).json();"
        + "  var g = new Uint8Array(await (await fetch('/models/' + m.modelFile)).arrayBuffer());"
        + "  var ext = []; for (var n of m.modelData) ext.push({path: n, data: new Uint8Array(await (await fetch('/models/' + n)).arrayBuffer())});"
        + "  var w0 = performance.now(); var b = atob('" + WARM_UP_MODEL + "'); var tiny = new Uint8Array(b.length);"
        + "  for (var i = 0; i < b.length; i++) tiny[i] = b.charCodeAt(i);"
        + "  await (await ort.InferenceSession.create(tiny, {executionProviders: ['wasm']})).release();"
        + "  var warm = performance.now() - w0;"
        + "  var t0 = performance.now();"
        + "  var sess = await ort.InferenceSession.create(g, Object.assign({executionProviders: ['wasm'], externalData: ext}, extra));"
        + "  var create = performance.now() - t0; var N = m.itemCount; var times = [];"
        + "  for (var i = 0; i < 80; i++) {"
        + "    var h = new Float32Array(N); h[5] = 1; h[77] = 1;"
        + "    var feeds = {history: new ort.Tensor('float32', h, [1, N]), profile: new ort.Tensor('float32', new Float32Array(30), [1, 30]),"
        + "      explain_items: new ort.Tensor('int32', new Int32Array(0), [0]), explain_weights: new ort.Tensor('float32', new Float32Array(0), [0]),"
        + "      explain_targets: new ort.Tensor('int32', new Int32Array(0), [0])};"
        + "    var a = performance.now(); var r = await sess.run(feeds, ['scores']); times.push(performance.now() - a);"
        + "  }"
        + "  var late = times.slice(40).sort(function (x, y) { return x - y; });"
        + "  done('options ' + JSON.stringify(extra) + ' proxy=' + proxy + ' items=' + N + ' engine start (one-node graph) ' + warm.toFixed(0) + ' ms; model create ' + create.toFixed(0) + ' ms; first run ' + times[0].toFixed(1) + ' ms; runs 41-80 median ' + late[20].toFixed(2) + ' p10 ' + late[4].toFixed(2));"
        + "} catch (e) { done('error ' + e); } };"
        + "document.head.appendChild(s);";

    public static void main(String[] args) throws Exception {
        try (ServerHandle server = ServerHandle.startWith(Benchmark.modelFiles(Path.of(args[0])))) {
            String options = System.getProperty("privrec.probe.options", "{}");
            boolean[] cases = Boolean.getBoolean("privrec.probe.proxy") ? new boolean[]{true}
                    : new boolean[]{false, true, false};
            for (boolean proxy : cases) {
                try (ChromiumBrowser chrome = ChromiumBrowser.start()) {
                    chrome.driver().manage().timeouts().scriptTimeout(java.time.Duration.ofMinutes(3));
                    chrome.open(server.url() + "models/manifest.json");
                    System.out.println(chrome.executeAsync(SCRIPT, proxy, options));
                }
            }
        }
    }
}
