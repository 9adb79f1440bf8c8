package privrec.client.app;

/** What the page is doing; published on {@code <body data-state>} so browser tests can wait on it. */
public enum AppState {
    /** No vault open: the unlock/create form is shown. */
    LOCKED,
    /** A vault is open but the model is still loading (or a vault operation is unlocking). */
    LOADING,
    /** A vault is open and recommendations can be computed. */
    READY,
    /** The model could not be loaded, or the vault is unreadable; an error sentence is on screen. */
    ERROR;

    public String attribute() {
        return name().toLowerCase();
    }
}
