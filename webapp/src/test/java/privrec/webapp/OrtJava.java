package privrec.webapp;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;

/** ONNX Runtime Java for tests, always with telemetry off (it is on by default on Linux in 1.29). */
public final class OrtJava {

    private static OrtEnvironment env;

    private OrtJava() {
    }

    public static synchronized OrtEnvironment environment() {
        if (env == null) {
            env = OrtEnvironment.getEnvironment();
            try {
                env.setTelemetry(false);
            } catch (OrtException e) {
                throw new IllegalStateException("cannot turn ONNX Runtime telemetry off", e);
            }
        }
        return env;
    }

    /** Runs a single-input, single-output float model: the reference the browser results are compared with. */
    public static float[] runFloat(byte[] model, String input, float[] data, long[] dims) {
        OrtEnvironment e = environment();
        try (OrtSession s = e.createSession(model, new OrtSession.SessionOptions());
             OnnxTensor t = OnnxTensor.createTensor(e, FloatBuffer.wrap(data), dims);
             OrtSession.Result r = s.run(Map.of(input, t))) {
            FloatBuffer out = ((OnnxTensor) r.get(0)).getFloatBuffer();
            float[] result = new float[out.remaining()];
            out.get(result);
            return result;
        } catch (OrtException ex) {
            throw new IllegalStateException("ONNX Runtime Java failed: " + ex.getMessage(), ex);
        }
    }
}
