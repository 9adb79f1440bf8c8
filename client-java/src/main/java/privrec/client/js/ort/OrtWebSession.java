package privrec.client.js.ort;

import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSArrayReader;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Int32Array;
import privrec.client.js.JsPromises;
import privrec.client.model.InferenceSessionHandle;

/** An onnxruntime-web session behind the plain {@link InferenceSessionHandle} interface. */
final class OrtWebSession implements InferenceSessionHandle {
    private final InferenceSession session;

    OrtWebSession(InferenceSession session) {
        this.session = session;
    }

    @Override
    public float[] run(Feed[] feeds, String outputName) {
        return start(feeds, outputName).await();
    }

    /** The inputs are copied and the run posted to onnxruntime-web now; {@code await} waits for its output. */
    @Override
    public privrec.core.ItemScorer.Pending start(Feed[] feeds, String outputName) {
        String[] names = new String[feeds.length];
        String[] types = new String[feeds.length];
        JSArray<JSObject> datas = new JSArray<>();
        JSArray<JSArrayReader<?>> dims = new JSArray<>();
        for (int i = 0; i < feeds.length; i++) {
            names[i] = feeds[i].name();
            // A fresh JS-owned buffer per run: run() detaches (transfers to the worker) its inputs, and a view of
            // the Java array would detach (or alias) the caller's memory.
            if (feeds[i].floats() != null) {
                Float32Array fresh = new Float32Array(feeds[i].floats().length);
                fresh.set(feeds[i].floats());
                datas.push(fresh);
                types[i] = "float32";
            } else {
                Int32Array fresh = new Int32Array(feeds[i].ints().length);
                fresh.set(feeds[i].ints());
                datas.push(fresh);
                types[i] = "int32";
            }
            dims.push(Ort.numberArray(feeds[i].dims()));
        }
        JSPromise<Float32Array> pending = Ort.run(session, names, types, datas, dims, outputName);
        Ort.markHandled(pending);
        return () -> {
            Float32Array output = JsPromises.await(pending);
            float[] result = new float[output.getLength()];
            Ort.copyInto(result, output);
            return result;
        };
    }
}
