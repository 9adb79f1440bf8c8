package privrec.trainer.cli;

/** An option value that parses but is not acceptable (e.g. a negative rank); reported like a bad flag, exit 2. */
public final class BadOptionException extends RuntimeException {
    public BadOptionException(String message) {
        super(message);
    }
}
