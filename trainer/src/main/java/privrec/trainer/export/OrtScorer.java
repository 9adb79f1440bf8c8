package privrec.trainer.export;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.Set;
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
    /** One-entry explanation inputs for scoring runs, when the model has that path (see GraphTypes). */
    private final Map<String, OnnxTensor> dummyExplanation = new HashMap<>();

    public OrtScorer(byte[] model, int itemCount) throws OrtException {
        this.env = Ort.environment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // One thread: the machine is shared, and results must not depend on thread count.
            options.setIntraOpNumThreads(1);
            this.session = env.createSession(model, options);
        }
        this.itemCount = itemCount;
        if (session.getInputNames().contains(Manifest.EXPLAIN_ITEMS_INPUT)) {
            dummyExplanation.put(Manifest.EXPLAIN_ITEMS_INPUT, OnnxTensor.createTensor(env, IntBuffer.wrap(new int[1]), new long[]{1}));
            dummyExplanation.put(Manifest.EXPLAIN_WEIGHTS_INPUT, OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[1]), new long[]{1}));
            dummyExplanation.put(Manifest.EXPLAIN_TARGETS_INPUT, OnnxTensor.createTensor(env, IntBuffer.wrap(new int[1]), new long[]{1}));
        }
    }

    private void putDummyExplanation(Map<String, OnnxTensor> inputs) {
        inputs.putAll(dummyExplanation);
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
            putDummyExplanation(inputs);
            try (OrtSession.Result result = session.run(inputs, Set.of(Manifest.SCORES_OUTPUT))) {
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

    /**
     * One run that fetches {@code contributions}. ONNX Runtime executes every node of the graph whatever is
     * fetched, so it needs every input (without them: "Missing Input: profile"): the run also feeds one empty
     * history row and an empty profile, and so costs one scoring pass plus the L·k·C of the explanation.
     */
    @Override
    public float[] contributions(int itemCount, int[] items, float[] weights, int[] targets) {
        ItemScorer.checkExplanation(items, weights, targets, this.itemCount);
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try (OnnxTensor i = OnnxTensor.createTensor(env, IntBuffer.wrap(items), new long[]{items.length});
             OnnxTensor w = OnnxTensor.createTensor(env, FloatBuffer.wrap(weights), new long[]{weights.length});
             OnnxTensor t = OnnxTensor.createTensor(env, IntBuffer.wrap(targets), new long[]{targets.length});
             OnnxTensor h = OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[this.itemCount]), new long[]{1, this.itemCount});
             OnnxTensor p = OnnxTensor.createTensor(env, FloatBuffer.wrap(new float[Encoder.profileWidth()]),
                     new long[]{1, Encoder.profileWidth()})) {
            inputs.put(Manifest.HISTORY_INPUT, h);
            inputs.put(Manifest.PROFILE_INPUT, p);
            inputs.put(Manifest.EXPLAIN_ITEMS_INPUT, i);
            inputs.put(Manifest.EXPLAIN_WEIGHTS_INPUT, w);
            inputs.put(Manifest.EXPLAIN_TARGETS_INPUT, t);
            try (OrtSession.Result result = session.run(inputs, Set.of(Manifest.CONTRIBUTIONS_OUTPUT))) {
                OnnxTensor out = (OnnxTensor) result.get(Manifest.CONTRIBUTIONS_OUTPUT)
                        .orElseThrow(() -> new IllegalStateException("model has no output " + Manifest.CONTRIBUTIONS_OUTPUT));
                FloatBuffer buffer = out.getFloatBuffer();
                float[] values = new float[buffer.remaining()];
                buffer.get(values);
                return values;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws OrtException {
        dummyExplanation.values().forEach(OnnxTensor::close);
        session.close();
    }
}
