package privrec.client.js;

/**
 * A JavaScript error (a thrown exception or a rejected promise) carried into Java with its JS name and message,
 * e.g. {@code OperationError: The operation failed for an operation-specific reason}.
 * {@link #getMessage()} is {@code name + ": " + message}; the two parts are also available separately so callers
 * can branch on the name (for example {@code QuotaExceededError}) without parsing text.
 */
public class JsException extends RuntimeException {
    private final String jsName;
    private final String jsMessage;

    public JsException(String jsName, String jsMessage) {
        super(jsName + ": " + jsMessage);
        this.jsName = jsName;
        this.jsMessage = jsMessage;
    }

    /** The JS error's {@code name} ("OperationError", "QuotaExceededError", "TypeError", ...), never null. */
    public String jsName() {
        return jsName;
    }

    /** The JS error's {@code message}, never null (may be empty). */
    public String jsMessage() {
        return jsMessage;
    }

    /** True when the name or the message mentions {@code word}; HtmlUnit reports some DOM errors only in the message. */
    public boolean mentions(String word) {
        return jsName.contains(word) || jsMessage.contains(word);
    }
}
