package privrec.client.ui;

import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLBodyElement;
import org.teavm.jso.dom.html.HTMLElement;

import privrec.client.app.AppController;
import privrec.client.app.AppState;
import privrec.client.app.ModelStatus;
import privrec.client.js.dom.Frames;

/**
 * The page frame: header with navigation, the model line, the status and error regions and {@code <main>}.
 * Decides which view to show, re-renders it after work, keeps keyboard focus sensible and publishes
 * {@code data-state}/{@code data-busy}/{@code data-view} on {@code <body>} for tests.
 */
final class Shell implements Worker.Screen {
    final AppController app;
    final Worker worker;
    /** Transient UI state (never stored): survives re-renders, dropped on lock. */
    final Drafts drafts = new Drafts();
    /** Recommendation cards reused across re-ranks; emptied whenever no profile is open. */
    final CardCache cards = new CardCache();

    private final HTMLBodyElement body = Dom.document().getBody();
    private final HTMLElement nav = Dom.el("nav", "nav");
    private final HTMLElement modelLine = Dom.el("p", "model-line");
    private final HTMLElement status = Dom.el("p", "status");
    private final HTMLElement error = Dom.el("p", "error");
    private final HTMLElement vaultWarning = Dom.el("p", "error vault-warning");
    private final HTMLElement main = Dom.el("main", "main");
    private View chosen = View.HOME;
    private View shown;
    private int renderedRevision = -1;
    private int renders;
    private boolean renderedUnlocked;
    /** Set by a render that showed recommendations whose reasons are still being computed. */
    private boolean reasonsPending;
    /** Bumped by every re-rank on the home page, so reasons computed for an older list are never shown. */
    int rankGeneration;

    /** What the user typed or picked that a re-render must not lose. */
    static final class Drafts {
        String name = "";
        String query = "";
        String corruptedName;
        boolean confirmDelete;
        boolean confirmReset;
    }

    Shell(AppController app, HTMLElement root) {
        this.app = app;
        this.worker = new Worker(this);
        Dom.clear(root);
        // index.html marks #app aria-live; our own status region announces instead of every re-render.
        root.removeAttribute("aria-live");
        HTMLElement header = Dom.el("header", "topbar");
        header.appendChild(Dom.text("p", "brand", "Private movie picks"));
        nav.setAttribute("aria-label", "Main");
        header.appendChild(nav);
        root.appendChild(header);
        modelLine.setId("model-status");
        Dom.testId(modelLine, "model-status");
        root.appendChild(modelLine);
        status.setId("status");
        status.setAttribute("role", "status");
        status.setAttribute("aria-live", "polite");
        Dom.testId(status, "status");
        root.appendChild(status);
        error.setId("error");
        error.setAttribute("role", "alert");
        Dom.testId(error, "error");
        error.setHidden(true);
        root.appendChild(error);
        Dom.testId(vaultWarning, "vault-warning");
        vaultWarning.setHidden(true);
        root.appendChild(vaultWarning);
        main.setId("main");
        main.setTabIndex(-1);
        root.appendChild(main);
        app.setListener(this::onChanged);
    }

    /** Shows a page (from a nav button or a view); rendering happens on the worker. */
    void show(View view) {
        chosen = view;
        worker.refresh();
    }

    /** After unlocking, create or import: start on the home page whatever page was chosen before. */
    void openedProfile() {
        chosen = View.HOME;
    }

    void submit(Worker.Task task) {
        worker.submit(task);
    }

    /** The controller changed: cheap updates now, a re-render only when the data (not download progress) changed. */
    private void onChanged() {
        updateChrome();
        boolean typingPassword = shown == View.UNLOCK && !app.isUnlocked();
        if (app.revision() != renderedRevision && !typingPassword) {
            worker.refresh();
        }
    }

    private void updateChrome() {
        body.setAttribute("data-state", app.state().attribute());
        ModelStatus model = app.model();
        String line = switch (model.phase()) {
            case LOADING -> model.message();
            case READY -> "Model ready" + (model.sourceNote() == null ? "." : ": " + model.sourceNote());
            case FAILED -> model.message();
        };
        modelLine.setTextContent(line);
        modelLine.setAttribute("data-phase", model.phase().name().toLowerCase());
        String warning = app.vaultWarning();
        vaultWarning.setTextContent(warning == null ? "" : warning);
        vaultWarning.setHidden(warning == null);
    }

    private View effectiveView() {
        if (!app.isUnlocked()) {
            return chosen.needsProfile() ? View.UNLOCK : chosen;
        }
        if (chosen == View.UNLOCK) {
            chosen = View.HOME;
        }
        if (chosen == View.HOME && app.needsOnboarding() && app.model().isReady()) {
            return View.ONBOARDING;
        }
        return chosen;
    }

    @Override
    public void render() {
        renderedRevision = app.revision();
        if (!app.isUnlocked()) {
            drafts.confirmDelete = false;
            drafts.query = "";
            cards.clear();
            if (renderedUnlocked) {
                // The last sentence may name a movie ("Rated Heat 4 stars."): nothing of the profile stays on screen.
                status.setTextContent("");
            }
        }
        renderedUnlocked = app.isUnlocked();
        reasonsPending = false;
        View view = effectiveView();
        boolean newView = view != shown;
        String focusKey = newView ? null : focusKeyOfActive();
        renderNav(view);
        // Built detached and swapped in at once: the browser restyles the page once, not per card.
        HTMLElement content = Dom.el("div", "view");
        HTMLElement heading = Dom.text("h1", "view-title", view.title);
        heading.setId("view-title");
        heading.setTabIndex(-1);
        content.appendChild(heading);
        viewFor(view).render(content);
        Dom.clear(main);
        main.appendChild(content);
        shown = view;
        renders++;
        body.setAttribute("data-view", view.attribute());
        body.setAttribute("data-render-count", String.valueOf(renders));
        body.setAttribute("data-reasons-pending", reasonsPending ? "true" : "false");
        updateChrome();
        syncStatus();
        restoreFocus(newView, focusKey, heading);
    }

    private Page viewFor(View view) {
        return switch (view) {
            case UNLOCK -> new UnlockPage(this);
            case ONBOARDING -> new OnboardingPage(this);
            case HOME -> new HomePage(this);
            case RATINGS -> new RatingsPage(this);
            case PRIVACY -> new PrivacyPage(this);
            case MODEL -> new ModelPage(this);
            case SETTINGS -> new SettingsPage(this);
        };
    }

    private void renderNav(View current) {
        Dom.clear(nav);
        View[] pages = app.isUnlocked()
                ? new View[] {View.HOME, View.RATINGS, View.PRIVACY, View.MODEL, View.SETTINGS}
                : new View[] {View.UNLOCK, View.PRIVACY, View.MODEL};
        for (View page : pages) {
            HTMLElement button = Dom.button(page.title, "nav-" + page.attribute(), "nav-button", () -> show(page));
            if (page == current || (page == View.HOME && current == View.ONBOARDING)) {
                button.setAttribute("aria-current", "page");
            }
            nav.appendChild(button);
        }
        if (app.isUnlocked()) {
            nav.appendChild(Dom.button("Lock " + app.profileName(), "nav-lock", "nav-button lock", () -> submit(() -> {
                app.lock();
                chosen = View.UNLOCK;
                return "Locked. Your data is encrypted again and was removed from this page's memory.";
            })));
        }
    }

    /**
     * Keyboard users keep their place: after an action the element with the same {@code data-focus-key} gets focus
     * back; when it is gone (the rated card left the list) the Undo button, else the page heading, takes it.
     * A new page focuses its heading so screen readers announce it.
     */
    private void restoreFocus(boolean newView, String focusKey, HTMLElement heading) {
        if (!newView && focusKey != null) {
            HTMLElement same = main.querySelector("[data-focus-key=\"" + focusKey + "\"]");
            if (same == null) {
                same = Dom.document().querySelector("[data-focus-key=\"" + focusKey + "\"]");
            }
            if (same != null) {
                same.focus();
                return;
            }
            HTMLElement undo = main.querySelector("[data-testid=\"undo\"]");
            if (undo != null) {
                undo.focus();
                return;
            }
        }
        if (newView || focusKey != null) {
            heading.focus();
        }
    }

    private String focusKeyOfActive() {
        HTMLElement active = Dom.document().getActiveElement();
        if (active == null || !active.hasAttribute("data-focus-key")) {
            return null;
        }
        return active.getAttribute("data-focus-key");
    }

    @Override
    public void status(String sentence) {
        error.setHidden(true);
        error.setTextContent("");
        status.setTextContent(sentence);
        syncStatus();
    }

    /**
     * The status line and the Undo bar must not say the same words twice: when the Undo bar on screen shows the
     * status sentence, the status line is only visually hidden (class {@code visually-hidden}); it stays the
     * polite live region, so screen readers still hear the sentence once.
     */
    private void syncStatus() {
        HTMLElement label = main.querySelector("[data-testid=\"undo-bar\"]:not([hidden]) .undo-label");
        String said = status.getTextContent();
        boolean repeated = label != null && said != null && !said.isEmpty() && said.equals(label.getTextContent());
        status.setClassName(repeated ? "status visually-hidden" : "status");
    }

    @Override
    public void error(String sentence) {
        status.setTextContent("");
        error.setTextContent(sentence);
        error.setHidden(false);
        syncStatus();
    }

    @Override
    public void busy(boolean busy) {
        body.setAttribute("data-busy", busy ? "true" : "false");
    }

    @Override
    public void timings(double actionMillis, double taskMillis, double renderMillis) {
        body.setAttribute("data-last-action-ms", String.valueOf(actionMillis));
        body.setAttribute("data-last-task-ms", String.valueOf(taskMillis));
        body.setAttribute("data-last-render-ms", String.valueOf(renderMillis));
    }

    @Override
    public void awaitPaint() {
        Frames.afterNextPaint();
    }

    /** The render in progress shows reasons that a follow-up fills in ({@code data-reasons-pending}). */
    void reasonsPending() {
        reasonsPending = true;
    }

    /** The follow-up filled the reasons in (or gave up): {@code data-reasons-pending="false"}. */
    void reasonsShown() {
        body.setAttribute("data-reasons-pending", "false");
    }

    /** Global activity listeners postpone auto-lock. */
    void listenForActivity() {
        EventListener<Event> touch = event -> app.activity();
        Dom.document().addEventListener("keydown", touch);
        Dom.document().addEventListener("pointerdown", touch);
        Dom.document().addEventListener("input", touch);
    }
}
