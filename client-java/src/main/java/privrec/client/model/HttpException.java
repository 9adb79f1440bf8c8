package privrec.client.model;

/** A GET failed: {@link #status()} is the HTTP status, or 0 when no response arrived (offline, DNS, refused). */
public class HttpException extends Exception {
    private final int status;

    public HttpException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
