package privrec.client.js.webcrypto;

import org.teavm.jso.JSObject;
import org.teavm.jso.JSProperty;

/** A WebCrypto {@code CryptoKey}. The vault's keys are non-extractable: their bytes never reach script. */
public interface CryptoKey extends JSObject {
    /** "secret", "public" or "private". */
    @JSProperty
    String getType();

    @JSProperty
    boolean isExtractable();
}
