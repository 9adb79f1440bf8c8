package privrec.client.app;

import java.util.List;

/**
 * The network requests this page has made since it loaded, as the browser itself recorded them
 * ({@code performance.getEntriesByType}). The browser implementation lives in {@code privrec.client.js.dom};
 * tests use a fixed list.
 */
public interface NetworkLog {
    List<Request> requests();

    /**
     * @param url  the full URL requested
     * @param kind the browser's initiator type: navigation, script, link, fetch, xmlhttprequest, other…
     */
    record Request(String url, String kind) {
    }
}
