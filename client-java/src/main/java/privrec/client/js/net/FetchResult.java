package privrec.client.js.net;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;
import org.teavm.jso.typedarrays.ArrayBuffer;

/**
 * What {@link FetchHttp}'s JS side resolves with. HTTP errors and network failures resolve too (status 0 with
 * {@code error}) instead of rejecting, because a rejection reason cannot carry the status into Java.
 */
interface FetchResult extends JSObject {
    @JSProperty
    int getStatus();

    /** The body; null unless 2xx. */
    @JSProperty
    ArrayBuffer getBody();

    /** JS message of a network failure; null otherwise. */
    @JSProperty
    String getError();
}
