package privrec.client.model;

/** Loading failed; {@link #getMessage()} is a human sentence fit for the screen. Nothing is sent anywhere. */
public class ModelLoadException extends Exception {
    /** What went wrong, so the UI can choose what to offer (retry, reload the page...). */
    public enum Kind {
        /** The server could not be reached and no usable model is cached. */
        NETWORK,
        /** A downloaded file's SHA-256 or size differs from the manifest; it was discarded, not used, not cached. */
        HASH_MISMATCH,
        /** The manifest is for another format or encoder version than this app. */
        INCOMPATIBLE,
        /** A verified file (manifest, catalog) does not parse. */
        CORRUPT,
        /** WebCrypto or onnxruntime-web is missing or failed to start. */
        RUNTIME_UNAVAILABLE
    }

    private final Kind kind;

    public ModelLoadException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ModelLoadException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
