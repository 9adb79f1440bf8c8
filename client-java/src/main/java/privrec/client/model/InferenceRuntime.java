package privrec.client.model;

/** Creates inference sessions from verified model bytes (browser: onnxruntime-web, wasm backend). */
public interface InferenceRuntime {
    /** A session being created; {@link #session} waits for it. */
    interface Starting {
        /** Throws (unchecked, carrying the runtime's message) when the runtime is missing or rejects the model. */
        InferenceSessionHandle session();
    }

    /** Throws (unchecked, carrying the runtime's message) when the runtime is missing or rejects the model. */
    InferenceSessionHandle createSession(byte[] modelBytes);

    /**
     * Starts creating a session and returns at once, so other work (parsing the catalog) overlaps with it. The
     * browser overrides this (the session is built in onnxruntime-web's worker); the default creates it here.
     */
    default Starting startSession(byte[] modelBytes) {
        InferenceSessionHandle created = createSession(modelBytes);
        return () -> created;
    }
}
