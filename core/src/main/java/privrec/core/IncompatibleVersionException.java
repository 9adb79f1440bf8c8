package privrec.core;

/**
 * An artifact written for another format or encoder version than this code reads: intact, but not usable here.
 * A distinct type so callers can tell "update the app" apart from "the file is damaged" without reading messages.
 */
public class IncompatibleVersionException extends FormatException {
    public IncompatibleVersionException(String message) {
        super(message);
    }
}
