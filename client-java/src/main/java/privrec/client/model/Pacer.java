package privrec.client.model;

/**
 * Lets long work on the page's main thread (decoding and parsing an 87,000-movie catalog) give the page a turn
 * between slices, so typing and clicking never wait behind it for more than a few milliseconds.
 */
public interface Pacer {
    /** Never pauses (JVM tests). */
    Pacer NONE = () -> {
    };

    /**
     * Called between slices of work. The browser's pacer yields to the event loop once the work has held the
     * thread for a slice's time (a few ms) since the last yield, and returns at once otherwise.
     */
    void between();
}
