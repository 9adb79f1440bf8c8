package privrec.client.ui;

import org.teavm.jso.dom.html.HTMLElement;

/** One page's content below its heading. Rendered on the worker thread, so it may call blocking controller methods. */
interface Page {
    void render(HTMLElement main);
}
