package privrec.client.ui;

import org.teavm.jso.dom.html.HTMLElement;

/** One page's content below its heading. Rendered on the worker thread, so it may call blocking app methods. */
interface Page {
    void render(HTMLElement main);

    /** The page's {@code <h1>}, or null for the view's own title. */
    default String heading() {
        return null;
    }
}
