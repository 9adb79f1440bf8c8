package privrec.client.js.net;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import privrec.client.model.Utf8Decoder;

/** {@link Utf8Decoder} with the browser's {@code TextDecoder} (replacement characters for malformed input). */
public final class TextDecoderUtf8 implements Utf8Decoder {
    @Override
    public String decode(byte[] utf8) {
        return decodeNative(utf8);
    }

    // bytes is the Java array's own Int8Array (by reference, no copy); decode() only reads it.
    @JSBody(params = "bytes", script = ""
            + "var view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);"
            + "return new TextDecoder('utf-8').decode(view);")
    private static native String decodeNative(@JSByRef byte[] bytes);
}
