package privrec.client.js.net;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.core.JSString;
import privrec.client.js.JsPromises;
import privrec.client.model.Sha256;

/** {@link Sha256} with WebCrypto's {@code crypto.subtle.digest}; needs a secure context (HTTPS or localhost). */
public final class WebCryptoSha256 implements Sha256 {
    @Override
    public String hex(byte[] data) {
        return JsPromises.await(digestHex(data)).stringValue();
    }

    /** True where {@code crypto.subtle} exists (it does not on plain-HTTP pages other than localhost). */
    @JSBody(script = "return typeof crypto !== 'undefined' && !!crypto.subtle "
            + "&& typeof crypto.subtle.digest === 'function';")
    public static native boolean available();

    // data is the Java array's own Int8Array (by reference): digest() copies its input when called (WebCrypto
    // spec), so no copy of a 34 MB model is made here and later changes to the array could not matter.
    @JSBody(params = "data", script = ""
            + "return Promise.resolve().then(function () {"
            + "  if (typeof crypto === 'undefined' || !crypto.subtle) {"
            + "    throw new Error('crypto.subtle is not available (the page is not a secure context)');"
            + "  }"
            + "  return crypto.subtle.digest('SHA-256', data);"
            + "}).then(function (d) {"
            + "  var b = new Uint8Array(d), s = '';"
            + "  for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? '0' : '') + b[i].toString(16);"
            + "  return s;"
            + "});")
    private static native JSPromise<JSString> digestHex(@JSByRef byte[] data);
}
