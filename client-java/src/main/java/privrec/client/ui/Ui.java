package privrec.client.ui;

import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

import privrec.client.app.AppController;

/** The UI's entry points for {@code Main}. */
public final class Ui {
    private final Shell shell;

    private Ui(Shell shell) {
        this.shell = shell;
    }

    /** Builds the page frame in {@code root} and shows the profile screen. */
    public static Ui start(AppController app, HTMLElement root) {
        Shell shell = new Shell(app, root);
        // Follow-ups of browser events (another tab saved) go through the same one-at-a-time worker as clicks.
        app.setBackground(work -> shell.submit(() -> {
            work.run();
            return null;
        }));
        shell.listenForActivity();
        shell.show(View.UNLOCK);
        return new Ui(shell);
    }

    /** Called by a timer: locks the open profile once the user has been idle for the configured time. */
    public void checkAutoLock() {
        AppController app = shell.app;
        if (app.isAutoLockDue()) {
            int minutes = app.autoLockMinutes();
            shell.submit(() -> app.checkAutoLock()
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
