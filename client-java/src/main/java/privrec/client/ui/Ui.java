package privrec.client.ui;

import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

import privrec.client.app.App;

/** The UI's entry points for {@code Main}. */
public final class Ui {
    private final Shell shell;

    private Ui(Shell shell) {
        this.shell = shell;
    }

    /** Builds the page frame in {@code root} and shows the profile screen. */
    public static Ui start(App app, HTMLElement root) {
        Shell shell = new Shell(app, root);
        // Follow-ups of browser events (another tab saved) go through the same one-at-a-time worker as clicks.
        app.setBackground(work -> shell.submit(() -> {
            work.run();
            return null;
        }));
        shell.listenForActivity();
        // The address decides the first page (a reload stays where it was; locked, it shows the profile screen).
        shell.refresh();
        return new Ui(shell);
    }

    /** Called by a timer: locks the open profile once the user has been idle for the configured time. */
    public void checkAutoLock() {
        App app = shell.app;
        if (app.session().isIdleTooLong()) {
            int minutes = app.settings().autoLockMinutes();
            // Checked again on the worker: a key press may have come in since.
            shell.submit(() -> app.session().lockIfIdle()
                    ? "Locked after " + minutes + " minutes without activity. Your data is encrypted again."
                    : null);
        }
    }

    /** The app cannot start at all (e.g. storage refused): say why, in words, and stop. */
    public static void fatal(String sentence) {
        HTMLDocument document = HTMLDocument.current();
        document.getBody().setAttribute("data-state", "error");
        document.getBody().setAttribute("data-busy", "false");
        HTMLElement root = document.getElementById("app");
        Dom.clear(root);
        HTMLElement p = Dom.text("p", "error", sentence);
        p.setAttribute("role", "alert");
        Dom.testId(p, "error");
        root.appendChild(p);
    }
}
