package privrec.client.ui;

import org.teavm.jso.dom.html.HTMLElement;

/**
 * The main navigation: links with addresses ({@code <a href="#/browse">}) for the pages the current state allows,
 * the current one marked {@code aria-current=page}, and the Lock button while a profile is open.
 */
final class Navigation {
    private final Shell shell;
    private final HTMLElement nav;

    Navigation(Shell shell, HTMLElement nav) {
        this.shell = shell;
        this.nav = nav;
    }

    void render(View current) {
        Dom.clear(nav);
        View[] pages = shell.app.isUnlocked()
                ? new View[] {View.HOME, View.BROWSE, View.RATINGS, View.PRIVACY, View.MODEL, View.SETTINGS}
                : new View[] {View.UNLOCK, View.PRIVACY, View.MODEL};
        HTMLElement list = Dom.el("ul", "nav-list");
        for (View page : pages) {
            HTMLElement link = link(page == View.HOME ? "Home" : page.title, Route.of(page), "nav-link");
            Dom.testId(link, "nav-" + page.attribute());
            link.setAttribute("data-focus-key", "nav-" + page.attribute());
            if (page == current || (page == View.HOME && current == View.ONBOARDING)) {
                link.setAttribute("aria-current", "page");
            }
            HTMLElement item = Dom.el("li", null);
            item.appendChild(link);
            list.appendChild(item);
        }
        nav.appendChild(list);
        if (shell.app.isUnlocked()) {
            HTMLElement lock = Dom.button("Lock", "nav-lock", "nav-button lock", () -> shell.submit(() -> {
                shell.app.session().lock();
                shell.lockedByUser();
                return "Locked. Your data is encrypted again and was removed from this page's memory.";
            }));
            lock.setAttribute("aria-label", "Lock " + shell.app.profileName());
            lock.setAttribute("title", "Lock " + shell.app.profileName());
            nav.appendChild(lock);
        }
    }

    /**
     * A real link to a route: it has an address (open in a new tab, copy), and a plain click goes there through
     * {@link Shell#go} so the page renders at once rather than after the {@code hashchange} event.
     */
    HTMLElement link(String text, Route route, String className) {
        HTMLElement a = Dom.text("a", className, text);
        a.setAttribute("href", route.fragment());
        a.addEventListener("click", event -> {
            org.teavm.jso.dom.events.MouseEvent mouse = (org.teavm.jso.dom.events.MouseEvent) event;
            if (!mouse.getCtrlKey() && !mouse.getMetaKey() && !mouse.getShiftKey() && mouse.getButton() == 0) {
                event.preventDefault();
                shell.go(route);
            }
        });
        return a;
    }
}
