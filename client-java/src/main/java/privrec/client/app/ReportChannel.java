package privrec.client.app;

/**
 * Sends one contribution report: a single same-origin POST of exactly these bytes to {@code contributions}, with
 * no cookies, no referrer, no query and no other data (browser: {@code privrec.client.js.net.FetchReportChannel}).
 */
public interface ReportChannel {
    /** Thrown when the request did not reach the server or no answer came back. */
    final class NetworkFailure extends RuntimeException {
        public NetworkFailure(String message) {
            super(message);
        }
    }

    /**
     * POSTs {@code body}; blocks until the answer, so call on a TeaVM thread.
     *
     * @return the HTTP status
     * @throws NetworkFailure when there was no answer
     */
    int post(byte[] body);
}
