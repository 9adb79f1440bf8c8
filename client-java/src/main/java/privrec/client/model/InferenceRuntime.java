package privrec.client.model;

import java.util.List;

/** Creates inference sessions from verified model bytes (browser: onnxruntime-web, wasm backend). */
public interface InferenceRuntime {
    /**
     * One external data file of the graph: the bytes of the file the graph's initializers name as their
     * {@code location} (an item basis chunk), under exactly that name.
     */
    record ExternalData(String path, byte[] data) {
        public ExternalData {
            if (path == null || path.isEmpty() || data == null) {
                throw new IllegalArgumentException("external data needs a path and bytes");
            }
        }
    }

    /** A session being created; {@link #session} waits for it. */
    interface Starting {
        /** Throws (unchecked, carrying the runtime's message) when the runtime is missing or rejects the model. */
        InferenceSessionHandle session();
    }

    /**
     * A session over the graph {@code modelBytes} whose large tensors live in {@code externalData}. Throws
     * (unchecked, carrying the runtime's message) when the runtime is missing or rejects the model.
     */
    InferenceSessionHandle createSession(byte[] modelBytes, List<ExternalData> externalData);

    /**
     * Starts creating a session and returns at once, so other work (parsing the catalog) overlaps with it. The
     * browser overrides this (the session is built in onnxruntime-web's worker); the default creates it here.
     */
    /**
     * Starts the engine itself (in the browser: onnxruntime-web's worker and its WebAssembly) before any model is
     * at hand, so that start-up overlaps with fetching and verifying the model; returns at once and never throws
     * (a runtime that cannot start says so when the session is created). The default does nothing.
     */
    default void warmUp() {
    }

    default Starting startSession(byte[] modelBytes, List<ExternalData> externalData) {
        InferenceSessionHandle created = createSession(modelBytes, externalData);
        return () -> created;
    }
}
