package privrec.client.js.ort;

import org.teavm.jso.JSClass;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.core.JSUndefined;

/** onnxruntime-web's {@code ort.InferenceSession}; created and run through {@link Ort}, which keeps JS errors. */
@JSClass(name = "ort.InferenceSession")
public class InferenceSession implements JSObject {
    protected InferenceSession() {
    }

    /** Frees the wasm memory of the session. */
    public native JSPromise<JSUndefined> release();
}
