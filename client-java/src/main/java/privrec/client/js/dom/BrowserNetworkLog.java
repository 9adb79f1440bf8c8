package privrec.client.js.dom;

import java.util.ArrayList;
import java.util.List;

import org.teavm.jso.JSBody;

import privrec.client.app.NetworkLog;

/**
 * Every request the page has made, as the browser's Resource Timing buffer recorded it: the navigation entry
 * (the page itself) and every resource entry (scripts, CSS, fetch/XHR of manifest, model, catalog, wasm).
 * This is the browser's own record, not something the app keeps, so it also shows requests the app did not
 * intend. Cache hits served without the network still appear, with a transfer size of 0 where the browser
 * reports sizes.
 */
public final class BrowserNetworkLog implements NetworkLog {
    @Override
    public List<Request> requests() {
        List<Request> list = new ArrayList<>();
        String joined = entries();
        if (joined == null || joined.isEmpty()) {
            return list;
        }
        // One entry per line, "kind\turl"; URLs never hold raw tabs or newlines.
        for (String line : joined.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                list.add(new Request(line.substring(tab + 1), line.substring(0, tab)));
            }
        }
        return list;
    }

    /**
     * Raises the Resource Timing buffer limit (browsers keep 250 entries by default) so a long session still
     * lists every request; called once at boot.
     */
    @JSBody(script = "if (typeof performance !== 'undefined' && performance.setResourceTimingBufferSize) "
            + "performance.setResourceTimingBufferSize(10000);")
    public static native void enlargeBuffer();

    @JSBody(script = "if (typeof performance === 'undefined' || !performance.getEntriesByType) return '';"
            + "var out = [];"
            + "var kinds = ['navigation', 'resource'];"
            + "for (var k = 0; k < kinds.length; k++) {"
            + "  var list = performance.getEntriesByType(kinds[k]) || [];"
            + "  for (var i = 0; i < list.length; i++) {"
            + "    var e = list[i];"
            + "    var kind = kinds[k] === 'navigation' ? 'navigation' : (e.initiatorType || 'other');"
            + "    out.push(kind + '\\t' + String(e.name).replace(/[\\t\\n\\r]/g, ' '));"
            + "  }"
            + "}"
            + "return out.join('\\n');")
    private static native String entries();
}
