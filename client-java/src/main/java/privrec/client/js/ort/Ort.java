package privrec.client.js.ort;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSArrayReader;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Uint8Array;

/**
 * The raw calls into the global {@code ort} (onnxruntime-web, loaded by a classic script tag). Static natives live
 * here, in a plain class, because JSO types cannot hold them. Every call that can fail returns a promise that
 * rejects with the JS error (synchronous throws included), so {@code JsPromises.await} carries the message.
 */
final class Ort {
    private Ort() {
    }

    @JSBody(script = "return typeof ort !== 'undefined' && !!ort && !!ort.InferenceSession && !!ort.Tensor;")
    static native boolean available();

    /**
     * CPU (wasm) only, one thread, quiet logs; the .wasm from the URL of index.html's preload link; inference in
     * onnxruntime-web's proxy worker. One thread because 2 threads were slower on 2 cores (platform notes). The
     * proxy worker (a classic worker started from ort/ort.wasm.min.js itself, so CSP {@code worker-src 'self'})
     * compiles the wasm, parses the model and runs every inference off the main thread: at 87,000 movies creating
     * the session alone would otherwise block the page for seconds. The model bytes are transferred to it, not
     * copied; each run costs one message round trip (~0.3 ms, platform notes).
     *
     * @return false when the page has no preload link for the wasm (then the engine cannot find it)
     */
    @JSBody(script = ""
            + "var env = ort.env;"
            + "if (!env) return true;"
            + "env.logLevel = 'error';"
            + "env.debug = false;"
            + "if ('trace' in env) env.trace = false;"
            + "if (env.wasm) {"
            + "  env.wasm.numThreads = 1;"
            + "  env.wasm.proxy = true;"
            // The site's build gives the .wasm a content-hashed name (served immutable, so Chromium reuses its
            // compiled code on the next visit); index.html's preload link is where that name is, and its href is
            // absolute. The .mjs loader resolves next to ort.wasm.min.js, the script (and worker) it runs from.
            + "  var link = document.querySelector('link[rel=\"preload\"][type=\"application/wasm\"]');"
            + "  if (!link) return false;"
            + "  env.wasm.wasmPaths = { wasm: link.href };"
            + "}"
            + "return true;")
    static native boolean configure();

    /**
     * Starts onnxruntime-web (its proxy worker, the wasm's download from the HTTP cache, compile and instantiate)
     * by creating a session over a 68-byte graph — {@code y = Identity(x)}, one float, opset 13, written with the
     * trainer's ONNX protobuf classes — and releasing it. onnxruntime-web has no public call that only
     * initialises; concurrent creates share its one initialisation, so the real session waits for this one's
     * instead of starting its own. Failures are dropped here: the real create reports them.
     */
    @JSBody(script = ""
            + "try {"
            + "  var b = atob('CAc6PAoQCgF4EgF5IghJZGVudGl0eRIGd2FybXVwWg8KAXgSCgoICAESBAoCCAFiDwoBeRIKCggIARIECgIIAUICEA0=');"
            + "  var bytes = new Uint8Array(b.length);"
            + "  for (var i = 0; i < b.length; i++) bytes[i] = b.charCodeAt(i);"
            + "  ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], logSeverityLevel: 3 })"
            + "    .then(function (s) { return s.release(); }, function () {});"
            + "} catch (e) {}")
    static native void warmUp();

    /**
     * A session over the graph {@code bytes} whose initializers stored as external data are read from
     * {@code dataBytes[i]} under the name {@code dataPaths[i]} (the graph's {@code location}). onnxruntime-web
     * mounts them in the wasm file system for the time of the create; through the proxy worker they travel with
     * the create message (a structured-clone copy; the graph's buffer is transferred). Nothing is fetched by ort.
     */
    @JSBody(params = {"bytes", "dataPaths", "dataBytes"}, script = ""
            + "return Promise.resolve().then(function () {"
            + "  var externalData = [];"
            + "  for (var i = 0; i < dataPaths.length; i++) externalData.push({ path: dataPaths[i], data: dataBytes[i] });"
            + "  var options = { executionProviders: ['wasm'],"
            + "    graphOptimizationLevel: 'all', enableProfiling: false, logSeverityLevel: 3 };"
            + "  if (externalData.length > 0) options.externalData = externalData;"
            + "  return ort.InferenceSession.create(bytes, options);"
            + "});")
    static native JSPromise<InferenceSession> createSession(Uint8Array bytes, String[] dataPaths,
                                                            JSArray<Uint8Array> dataBytes);

    /**
     * Builds one tensor per feed (type 'float32' or 'int32', dims a plain number array — ort rejects typed-array
     * dims), runs the session fetching only {@code outputName} and resolves with its data (float32).
     */
    @JSBody(params = {"session", "names", "types", "datas", "dims", "outputName"}, script = ""
            + "return Promise.resolve().then(function () {"
            + "  var feeds = {};"
            + "  for (var i = 0; i < names.length; i++) {"
            + "    feeds[names[i]] = new ort.Tensor(types[i], datas[i], dims[i]);"
            + "  }"
            // Only the wanted output: a scoring run must not also compute the explanation output, nor the reverse.
            + "  return session.run(feeds, [outputName]);"
            + "}).then(function (results) {"
            + "  var t = results[outputName];"
            + "  if (!t) throw new Error('the model has no output named \"' + outputName + '\"');"
            + "  if (t.type !== 'float32') throw new Error('output \"' + outputName + '\" is ' + t.type + ', expected float32');"
            // t.data is already the caller's own array (the proxy worker transfers it; in-thread, ort copies it out
            // of the wasm heap), so it is kept as is: dispose() drops the tensor's reference, not the array.
            + "  var out = t.data;"
            + "  for (var k in results) if (typeof results[k].dispose === 'function') results[k].dispose();"
            + "  return out;"
            + "});")
    static native JSPromise<Float32Array> run(InferenceSession session, String[] names, String[] types,
                                              JSArray<JSObject> datas, JSArray<JSArrayReader<?>> dims,
                                              String outputName);

    /**
     * Marks {@code promise}'s rejection as handled (a started run that is then not needed is never awaited, and its
     * failure must not surface as an unhandled rejection); awaiting it still gets the rejection.
     */
    @JSBody(params = "promise", script = "promise.then(null, function () {});")
    static native void markHandled(JSPromise<?> promise);

    /** A plain JS array of numbers (a Java int[] reaches JS as an Int32Array, which ort refuses as dims). */
    @JSBody(params = "values", script = "return Array.prototype.slice.call(values);")
    static native JSArrayReader<?> numberArray(int[] values);

    // dst is the Java array's own Float32Array (by reference): set() writes straight into Java memory.
    @JSBody(params = {"dst", "src"}, script = "dst.set(src);")
    static native void copyInto(@JSByRef float[] dst, Float32Array src);
}
