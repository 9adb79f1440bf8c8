package privrec.client.model;

/**
 * Progress of {@link ModelLoader#load}. Callbacks run on the loading thread (or, for download progress, inside a
 * JS event): they must return quickly and must not block.
 */
public interface LoadListener {
    /** A listener that ignores everything. */
    LoadListener NONE = new LoadListener() {
    };

    /** A new step began; {@code message} is a human sentence, e.g. "Checking for model updates…". */
    default void stage(String message) {
    }

    /** Bytes of {@code file} received so far; {@code total} is the manifest's size for it. */
    default void progress(String file, int loaded, int total) {
    }
}
