package privrec.client.js.net;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/** Called from JS with the bytes received so far. */
@JSFunctor
interface ProgressCallback extends JSObject {
    void received(int loaded);
}
