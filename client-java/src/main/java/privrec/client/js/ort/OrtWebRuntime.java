package privrec.client.js.ort;

import java.util.List;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.Uint8Array;
import privrec.client.js.Bytes;
import privrec.client.js.JsException;
import privrec.client.js.JsPromises;
import privrec.client.model.InferenceRuntime;
import privrec.client.model.InferenceSessionHandle;

/** {@link InferenceRuntime} on onnxruntime-web's wasm backend. Blocking: call on a TeaVM thread. */
public final class OrtWebRuntime implements InferenceRuntime {
    private boolean configured;

    /** A session over a one-node graph ({@link Ort#warmUp}), released at once: the worker and wasm stay up for the real one. */
    @Override
    public void warmUp() {
        // Failures are left to the real create, which reports them.
        if (Ort.available() && configure()) {
            Ort.warmUp();
        }
    }

    @Override
    public InferenceSessionHandle createSession(byte[] modelBytes, List<ExternalData> externalData) {
        return startSession(modelBytes, externalData).session();
    }

    /** onnxruntime-web builds the session in its proxy worker; this thread only waits in {@code session()}. */
    @Override
    public Starting startSession(byte[] modelBytes, List<ExternalData> externalData) {
        if (!Ort.available()) {
            throw new JsException("Error", "onnxruntime-web (the global \"ort\") is not loaded");
        }
        if (!configure()) {
            throw new JsException("Error", "the page does not say where onnxruntime-web's wasm is"
                    + " (index.html has no <link rel=\"preload\" type=\"application/wasm\">)");
        }
        String[] paths = new String[externalData.size()];
        JSArray<Uint8Array> datas = new JSArray<>();
        for (int i = 0; i < paths.length; i++) {
            paths[i] = externalData.get(i).path();
            // No copy: onnxruntime-web's proxy structured-clones external data into the create message, and
            // in-thread it copies them into the wasm heap; it keeps no reference and detaches nothing.
            datas.push(Bytes.view(externalData.get(i).data()));
        }
        // A JS-owned copy of the graph: the proxy transfers (detaches) it, which must not happen to a Java array.
        Uint8Array graph = new Uint8Array(Bytes.toJs(modelBytes));
        JSPromise<InferenceSession> pending = Ort.createSession(graph, paths, datas);
        return () -> new OrtWebSession(JsPromises.await(pending));
    }

    private boolean configure() {
        if (!configured) {
            configured = Ort.configure();
        }
        return configured;
    }
}
