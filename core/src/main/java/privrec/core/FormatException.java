package privrec.core;

/** An artifact (catalog, manifest) that does not match its format; the message names the place and the problem. */
public class FormatException extends RuntimeException {
    public FormatException(String message) {
        super(message);
    }
}
