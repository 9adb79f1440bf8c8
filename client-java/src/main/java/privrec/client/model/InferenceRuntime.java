package privrec.client.model;

/** Creates inference sessions from verified model bytes (browser: onnxruntime-web, wasm backend). */
public interface InferenceRuntime {
    /** Throws (unchecked, carrying the runtime's message) when the runtime is missing or rejects the model. */
    InferenceSessionHandle createSession(byte[] modelBytes);
}
