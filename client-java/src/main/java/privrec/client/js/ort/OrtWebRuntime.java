package privrec.client.js.ort;

import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.Int8Array;
import org.teavm.jso.typedarrays.Uint8Array;
import privrec.client.js.JsException;
import privrec.client.js.JsPromises;
import privrec.client.model.InferenceRuntime;
import privrec.client.model.InferenceSessionHandle;

/** {@link InferenceRuntime} on onnxruntime-web's wasm backend. Blocking: call on a TeaVM thread. */
public final class OrtWebRuntime implements InferenceRuntime {
    private final String wasmPaths;
    private boolean configured;

    /** @param wasmPaths folder of ort's .mjs/.wasm files, e.g. "ort/" */
    public OrtWebRuntime(String wasmPaths) {
        this.wasmPaths = wasmPaths;
    }

    @Override
    public InferenceSessionHandle createSession(byte[] modelBytes) {
        return startSession(modelBytes).session();
    }

    /** onnxruntime-web builds the session in its proxy worker; this thread only waits in {@code session()}. */
    @Override
    public Starting startSession(byte[] modelBytes) {
        if (!Ort.available()) {
            throw new JsException("Error", "onnxruntime-web (the global \"ort\") is not loaded");
        }
        if (!configured) {
            Ort.configure(wasmPaths);
            configured = true;
        }
        // A JS-owned copy: ort may keep or transfer the buffer it is given.
        Int8Array copy = new Int8Array(modelBytes.length);
        copy.set(modelBytes);
        JSPromise<InferenceSession> pending = Ort.createSession(new Uint8Array(copy.getBuffer()));
        return () -> new OrtWebSession(JsPromises.await(pending));
    }
}
