package privrec.trainer.export;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.IntBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import privrec.core.Encoder;
import privrec.core.ItemScorer;
import privrec.core.Manifest;

/**
 * An {@link ItemScorer} that runs a model file with ONNX Runtime Java, as the browser runs it with onnxruntime-web.
 *
 * <p>ONNX Runtime executes every node of the graph whatever is fetched (checked: a run that fetches only one output
 * still fails with "Missing Input" for an input only the other output needs), so each run feeds all inputs and the
 * part it does not want gets an empty batch: a scoring run feeds the explanation inputs with zero entries
 * ({@code contributions} comes out 0 × 0), an explanation run feeds {@code history} [0, n] and {@code profile}
 * [0, 30] ({@code scores} comes out 0 × n). Empty tensors cost nothing, so neither run pays for the other.
 */
public final class OrtScorer implements ItemScorer, AutoCloseable {
    private final OrtEnvironment env;
    private final OrtSession session;
    private final int itemCount;
    /** Whether the model has the explanation path (models written before issue 13 have not). */
    private final boolean explains;

    /** A model without external data, from its bytes. */
    public OrtScorer(byte[] model, int itemCount) throws OrtException {
        this.env = Ort.environment();
        try (OrtSession.SessionOptions options = options()) {
            this.session = env.createSession(model, options);
        }
        this.itemCount = itemCount;
        this.explains = session.getInputNames().contains(Manifest.EXPLAIN_ITEMS_INPUT);
    }

    /** The graph {@code modelFile} in {@code dir}, whose external data ONNX Runtime reads from the same folder. */
    public OrtScorer(Path dir, String modelFile, int itemCount) throws OrtException {
        this.env = Ort.environment();
        try (OrtSession.SessionOptions options = options()) {
            this.session = env.createSession(dir.resolve(modelFile).toString(), options);
        }
        this.itemCount = itemCount;
        this.explains = session.getInputNames().contains(Manifest.EXPLAIN_ITEMS_INPUT);
    }

    /**
     * A release held in memory (file name → bytes): written to a private temporary folder for ONNX Runtime, which
     * reads the external data while it creates the session, and removed again.
     */
    public static OrtScorer ofParts(Map<String, byte[]> parts, String modelFile, int itemCount)
            throws OrtException, IOException {
        Path dir = Files.createTempDirectory("privrec-release-");
        try {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                Files.write(dir.resolve(part.getKey()), part.getValue());
            }
            return new OrtScorer(dir, modelFile, itemCount);
        } finally {
            for (String name : parts.keySet()) {
                Files.deleteIfExists(dir.resolve(name));
            }
            Files.deleteIfExists(dir);
        }
    }

    private static OrtSession.SessionOptions options() throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        // One thread: the machine is shared, and results must not depend on thread count.
        options.setIntraOpNumThreads(1);
        return options;
    }

    public OrtSession session() {
        return session;
    }

    @Override
    public float[] score(float[] history, float[] profile, int rows) {
        int width = Encoder.profileWidth();
        ItemScorer.checkShapes(history, profile, rows, itemCount, width);
        return run(history, profile, rows, new int[0], new float[0], new int[0], Manifest.SCORES_OUTPUT);
    }

    /** One run that fetches {@code contributions}, with empty {@code history} and {@code profile} batches. */
    @Override
    public float[] contributions(int itemCount, int[] items, float[] weights, int[] targets) {
        ItemScorer.checkExplanation(items, weights, targets, this.itemCount);
        if (!explains) {
            return ItemScorer.super.contributions(itemCount, items, weights, targets);
        }
        return run(new float[0], new float[0], 0, items, weights, targets, Manifest.CONTRIBUTIONS_OUTPUT);
    }

    private float[] run(float[] history, float[] profile, int rows, int[] items, float[] weights, int[] targets,
                        String output) {
        int width = Encoder.profileWidth();
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put(Manifest.HISTORY_INPUT, OnnxTensor.createTensor(env, FloatBuffer.wrap(history),
                    new long[]{rows, itemCount}));
            inputs.put(Manifest.PROFILE_INPUT, OnnxTensor.createTensor(env, FloatBuffer.wrap(profile),
                    new long[]{rows, width}));
            if (explains) {
                inputs.put(Manifest.EXPLAIN_ITEMS_INPUT, OnnxTensor.createTensor(env, IntBuffer.wrap(items),
                        new long[]{items.length}));
                inputs.put(Manifest.EXPLAIN_WEIGHTS_INPUT, OnnxTensor.createTensor(env, FloatBuffer.wrap(weights),
                        new long[]{weights.length}));
                inputs.put(Manifest.EXPLAIN_TARGETS_INPUT, OnnxTensor.createTensor(env, IntBuffer.wrap(targets),
                        new long[]{targets.length}));
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(output))) {
                OnnxTensor out = (OnnxTensor) result.get(output)
                        .orElseThrow(() -> new IllegalStateException("model has no output " + output));
                FloatBuffer buffer = out.getFloatBuffer();
                float[] values = new float[buffer.remaining()];
                buffer.get(values);
                return values;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
