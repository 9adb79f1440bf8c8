package privrec.client.model;

/**
 * GETs of static files, nothing else: the interface has no way to send a body, a header or a query, which is
 * how the loader keeps the privacy rule "every user makes identical requests".
 */
public interface Http {
    /** Reports bytes received so far; may be called from a JS event, must not block. */
    interface Progress {
        void received(int loaded);
    }

    /** A GET already under way; {@link #bytes} waits for it. */
    interface Download {
        /** The body; throws on a network failure (status 0) or a non-2xx status, like {@link #getBytes}. */
        byte[] bytes() throws HttpException;
    }

    /** GETs {@code url} as bytes; throws on a network failure (status 0) or a non-2xx status. */
    byte[] getBytes(String url, Progress progress) throws HttpException;

    /**
     * Starts a GET of {@code url} now and returns at once, so several downloads run at the same time (the browser
     * overrides this; the default only starts when {@link Download#bytes} is called).
     */
    default Download start(String url, Progress progress) {
        return () -> getBytes(url, progress);
    }

    /** GETs {@code url} as UTF-8 text, bypassing the browser's HTTP cache (used for the manifest). */
    String getText(String url) throws HttpException;
}
