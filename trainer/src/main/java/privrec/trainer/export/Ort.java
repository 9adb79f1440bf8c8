package privrec.trainer.export;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;

/**
 * The one place the trainer obtains an ONNX Runtime environment. ONNX Runtime collects telemetry by default on
 * Linux (platform notes); a privacy product must not phone home, so it is switched off before any session exists.
 */
public final class Ort {
    private Ort() {
    }

    public static synchronized OrtEnvironment environment() {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try {
            env.setTelemetry(false);
        } catch (OrtException e) {
            throw new IllegalStateException("could not switch ONNX Runtime telemetry off: " + e.getMessage(), e);
        }
        return env;
    }
}
