package privrec.client.js.ort;

import org.teavm.jso.core.JSArray;
import org.teavm.jso.typedarrays.Float32Array;
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
        String[] names = new String[feeds.length];
        JSArray<Float32Array> datas = new JSArray<>();
        int[] rows = new int[feeds.length];
        int[] widths = new int[feeds.length];
        for (int i = 0; i < feeds.length; i++) {
            names[i] = feeds[i].name();
            // A fresh JS-owned buffer per run: run() detaches its inputs, and a view of the Java array would
            // detach (or alias) the caller's memory.
            Float32Array fresh = new Float32Array(feeds[i].data().length);
            fresh.set(feeds[i].data());
            datas.push(fresh);
            rows[i] = feeds[i].rows();
            widths[i] = feeds[i].width();
        }
        Float32Array output = JsPromises.await(Ort.run(session, names, datas, rows, widths, outputName));
        float[] result = new float[output.getLength()];
        Ort.copyInto(result, output);
        return result;
    }
}
