package privrec.trainer.export;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import privrec.core.Encoder;
import privrec.core.ItemScorer;
import privrec.core.Manifest;

/** An {@link ItemScorer} that runs a model file with ONNX Runtime Java, as the browser runs it with onnxruntime-web. */
public final class OrtScorer implements ItemScorer, AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final int itemCount;

    public OrtScorer(byte[] model, int itemCount) throws OrtException {
        this.env = Ort.environment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // One thread: the machine is shared, and results must not depend on thread count.
            options.setIntraOpNumThreads(1);
            this.session = env.createSession(model, options);
        }
        this.itemCount = itemCount;
    }

    public OrtSession session() {
        return session;
    }

    @Override
    public float[] score(float[] history, float[] profile, int rows) {
        int width = Encoder.profileWidth();
        ItemScorer.checkShapes(history, profile, rows, itemCount, width);
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try (OnnxTensor h = OnnxTensor.createTensor(env, FloatBuffer.wrap(history), new long[]{rows, itemCount});
             OnnxTensor p = OnnxTensor.createTensor(env, FloatBuffer.wrap(profile), new long[]{rows, width})) {
            inputs.put(Manifest.HISTORY_INPUT, h);
            inputs.put(Manifest.PROFILE_INPUT, p);
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxTensor out = (OnnxTensor) result.get(Manifest.SCORES_OUTPUT)
                        .orElseThrow(() -> new IllegalStateException("model has no output " + Manifest.SCORES_OUTPUT));
                FloatBuffer buffer = out.getFloatBuffer();
                float[] scores = new float[buffer.remaining()];
                buffer.get(scores);
                return scores;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
