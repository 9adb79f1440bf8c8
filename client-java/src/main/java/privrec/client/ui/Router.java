package privrec.client.ui;

import org.teavm.jso.browser.Window;

/**
 * Keeps the address bar and the chosen page in step, both ways: {@link #go} writes a new history entry, Back/
 * Forward and typed addresses ({@code hashchange}) call the listener. Only {@code #/…} fragments are routes
 * (the skip link's {@code #main} is not); the first address is written without a history entry.
 */
final class Router {
    private final Runnable onChange;
    private Route chosen;

    /** {@code onChange} runs when the user moved to another address (Back, Forward, typed). */
    Router(Runnable onChange) {
        this.onChange = onChange;
        this.chosen = Route.parse(hash());
        replace(chosen);
        Window.current().addEventListener("hashchange", event -> {
            String hash = hash();
            if (hash.startsWith("#/") && !Route.parse(hash).equals(chosen)) {
                chosen = Route.parse(hash);
                onChange.run();
            }
        });
    }

    Route chosen() {
        return chosen;
    }

    /** A new history entry (a link or button inside the app). */
    void go(Route route) {
        if (!route.fragment().equals(hash())) {
            Window.current().getLocation().setHash(route.fragment());
        }
        chosen = route;
    }

    /** The same history entry, another address (redirects such as "profiles → home after unlock"). */
    void replace(Route route) {
        chosen = route;
        if (!route.fragment().equals(hash())) {
            Window.current().getHistory().replaceState(null, "", route.fragment());
        }
    }

    private static String hash() {
        String hash = Window.current().getLocation().getHash();
        return hash == null ? "" : hash;
    }
}
