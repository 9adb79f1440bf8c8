package privrec.contributions;

/** The report store cannot be opened or used: a bad JDBC URL, an unreachable database, a failed migration. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
