package privrec.client.ui;

import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLBodyElement;
import org.teavm.jso.dom.html.HTMLElement;

import privrec.client.app.App;
import privrec.client.app.AppState;
import privrec.client.app.ModelStatus;

/**
 * The page frame: skip link, header with navigation and the model line, {@code <main>} with the status and error
 * regions and the view. Keeps the address ({@link Route}, a {@code #/…} fragment) and the view in step both ways
 * (links and Back/Forward), re-renders after work, keeps keyboard focus sensible and publishes
 * {@code data-state}/{@code data-busy}/{@code data-view} on {@code <body>} for tests.
 */
final class Shell implements Worker.Screen {
    final App app;
    final Worker worker;
    /** Transient UI state (never stored): survives re-renders, dropped on lock. */
    final Drafts drafts = new Drafts();
    /** Recommendation cards reused across re-ranks; emptied whenever no profile is open. */
    final CardCache cards = new CardCache();

    private final HTMLBodyElement body = Dom.document().getBody();
    private final HTMLElement nav = Dom.el("nav", "nav");
    private final Navigation navigation = new Navigation(this, nav);
    private final HTMLElement modelLine = Dom.el("p", "model-line");
    private final HTMLElement status = Dom.el("p", "status");
    private final HTMLElement error = Dom.el("p", "error");
    private final HTMLElement vaultWarning = Dom.el("p", "error vault-warning");
    private final HTMLElement main = Dom.el("main", "main");
    /** The view's own content, replaced by every render (status and error regions stay). */
    private HTMLElement content = Dom.el("div", "view");
    /** What the address asks for; while locked, pages that need a profile show the profile screen instead. */
    private final Router router;
    private View shown;
    private Route shownRoute;
    /** Set by an action: the {@code data-focus-key} to focus after the next render, when it exists. */
    private String focusNext;
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
        int searchShown = privrec.client.app.TitleSearch.PAGE;
        privrec.client.app.Browse browse = privrec.client.app.Browse.everything();
        privrec.client.app.Queries.RatingOrder ratingOrder = privrec.client.app.Queries.RatingOrder.NEWEST;
    }

    Shell(App app, HTMLElement root) {
        this.app = app;
        this.worker = new Worker(this);
        Dom.clear(root);
        // index.html marks #app aria-live; our own status region announces instead of every re-render.
        root.removeAttribute("aria-live");
        HTMLElement skip = Dom.text("a", "skip-link", "Skip to content");
        skip.setAttribute("href", "#main");
        Dom.testId(skip, "skip-link");
        skip.addEventListener("click", event -> {
            // Not a route: focus the content instead of changing the address.
            event.preventDefault();
            main.focus();
        });
        root.appendChild(skip);
        HTMLElement header = Dom.el("header", "topbar");
        header.appendChild(Dom.text("p", "brand", "Private movie picks"));
        nav.setAttribute("aria-label", "Main");
        header.appendChild(nav);
        modelLine.setId("model-status");
        Dom.testId(modelLine, "model-status");
        header.appendChild(modelLine);
        root.appendChild(header);
        main.setId("main");
        main.setTabIndex(-1);
        root.appendChild(main);
        status.setId("status");
        status.setAttribute("role", "status");
        status.setAttribute("aria-live", "polite");
        Dom.testId(status, "status");
        main.appendChild(status);
        error.setId("error");
        error.setAttribute("role", "alert");
        Dom.testId(error, "error");
        error.setHidden(true);
        main.appendChild(error);
        Dom.testId(vaultWarning, "vault-warning");
        vaultWarning.setHidden(true);
        main.appendChild(vaultWarning);
        main.appendChild(content);
        app.setListener(this::onChanged);
        // Back/Forward and typed addresses re-render; our own links go through go() and render once.
        router = new Router(worker::refresh);
    }

    /** Goes to a page (a new history entry); rendering happens on the worker. */
    void go(Route route) {
        router.go(route);
        worker.refresh();
    }

    void show(View view) {
        go(Route.of(view));
    }

    /** Renders the current page again (after a change only the view knows about, e.g. a confirmation step). */
    void refresh() {
        worker.refresh();
    }

    /** Focus the element with this {@code data-focus-key} after the next render (when there is one). */
    void focusNext(String focusKey) {
        focusNext = focusKey;
    }

    /** The movie the address names ({@code #/movie/50}), or 0. */
    int routeMovieId() {
        return router.chosen().movieId();
    }

    /** After unlocking, create or import: the page the address named, or home when it named the profile screen. */
    void openedProfile() {
        if (router.chosen().view() == View.UNLOCK) {
            router.replace(Route.HOME);
        }
    }

    /** A link to a route (see {@link Navigation#link}). */
    HTMLElement link(String text, Route route, String className) {
        return navigation.link(text, route, className);
    }

    /** A manual lock returns to the profile screen; the next unlock then starts at home. */
    void lockedByUser() {
        router.replace(Route.of(View.UNLOCK));
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
        String warning = app.session().vaultWarning();
        vaultWarning.setTextContent(warning == null ? "" : warning);
        vaultWarning.setHidden(warning == null);
    }

    private View effectiveView() {
        View view = router.chosen().view();
        if (!app.isUnlocked()) {
            return view.needsProfile() ? View.UNLOCK : view;
        }
        if (view == View.UNLOCK) {
            router.replace(Route.HOME);
            view = View.HOME;
        }
        if (view == View.HOME && app.settings().needsOnboarding() && app.model().isReady()) {
            return View.ONBOARDING;
        }
        return view;
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
        Route route = view == View.MOVIE ? router.chosen() : Route.of(view);
        boolean newView = !route.equals(shownRoute);
        String focusKey = focusNext != null ? focusNext : newView ? null : focusKeyOfActive();
        focusNext = null;
        boolean focusWasInView = isInside(Dom.document().getActiveElement(), content);
        if (newView && shownRoute != null) {
            // A sentence about the last page ("Saved your profile.") does not belong to the next one.
            clearMessages();
        }
        navigation.render(view);
        // Built detached and swapped in at once: the browser restyles the page once, not per card.
        HTMLElement next = Dom.el("div", "view");
        Page page = viewFor(view);
        String title = page.heading();
        HTMLElement heading = Dom.text("h1", "view-title", title == null ? view.title : title);
        heading.setId("view-title");
        heading.setTabIndex(-1);
        next.appendChild(heading);
        page.render(next);
        Dom.document().setTitle((title == null ? view.title : title) + " · Private movie picks");
        main.replaceChild(next, content);
        content = next;
        shown = view;
        shownRoute = route;
        renders++;
        body.setAttribute("data-view", view.attribute());
        body.setAttribute("data-render-count", String.valueOf(renders));
        body.setAttribute("data-reasons-pending", reasonsPending ? "true" : "false");
        updateChrome();
        syncStatus();
        restoreFocus(newView, focusKey, focusWasInView, heading);
    }

    private static boolean isInside(HTMLElement element, HTMLElement container) {
        for (HTMLElement e = element; e != null; e = (HTMLElement) e.getParentNode()) {
            if (e == container) {
                return true;
            }
            if (e == Dom.document().getBody()) {
                return false;
            }
        }
        return false;
    }

    private void clearMessages() {
        status.setTextContent("");
        error.setTextContent("");
        error.setHidden(true);
    }

    private Page viewFor(View view) {
        return switch (view) {
            case UNLOCK -> new UnlockPage(this);
            case ONBOARDING -> new OnboardingPage(this);
            case HOME -> new HomePage(this);
            case BROWSE -> new BrowsePage(this);
            case MOVIE -> new MoviePage(this);
            case RATINGS -> new RatingsPage(this);
            case PRIVACY -> new PrivacyPage(this);
            case MODEL -> new ModelPage(this);
            case SETTINGS -> new SettingsPage(this);
        };
    }

    /**
     * Keyboard users keep their place: after an action the element with the same {@code data-focus-key} gets focus
     * back; when it is gone (the rated card left the list) the Undo button, else the page heading, takes it.
     * A new page focuses its heading so screen readers announce it.
     */
    private void restoreFocus(boolean newView, String focusKey, boolean focusWasInView, HTMLElement heading) {
        if (focusKey != null) {
            HTMLElement same = main.querySelector("[data-focus-key=\"" + focusKey + "\"]");
            if (same == null) {
                same = Dom.document().querySelector("[data-focus-key=\"" + focusKey + "\"]");
            }
            if (same != null) {
                same.focus();
                return;
            }
            HTMLElement undo = newView ? null : main.querySelector("[data-testid=\"undo\"]");
            if (undo != null) {
                undo.focus();
                return;
            }
        }
        if (newView || focusKey != null || focusWasInView) {
            // The focused element was replaced: keep keyboard users on this page, not at the top of the body.
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
        EventListener<Event> touch = event -> app.session().activity();
        Dom.document().addEventListener("keydown", touch);
        Dom.document().addEventListener("pointerdown", touch);
        Dom.document().addEventListener("input", touch);
    }
}
