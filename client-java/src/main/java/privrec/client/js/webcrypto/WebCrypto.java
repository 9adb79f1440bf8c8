package privrec.client.js.webcrypto;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.ArrayBufferView;
import org.teavm.jso.typedarrays.Int8Array;
import org.teavm.jso.typedarrays.Uint8Array;

/**
 * Static entry points and parameter objects for WebCrypto. A plain class (not a JSObject) because JSO interfaces
 * cannot hold static natives, and helpers inside JSObject types would become JS members.
 */
public final class WebCrypto {
    private WebCrypto() {
    }

    /** {@code crypto.subtle}, or null where it is missing (old browsers, and insecure http:// pages). */
    @JSBody(script = "return (typeof crypto !== 'undefined' && crypto && crypto.subtle) ? crypto.subtle : null;")
    public static native SubtleCrypto subtle();

    @JSBody(script = "return typeof crypto !== 'undefined' && !!crypto && typeof crypto.getRandomValues === 'function';")
    public static native boolean hasRandomValues();

    /** Fills {@code array} from the browser's CSPRNG (at most 65,536 bytes per call). */
    @JSBody(params = "array", script = "crypto.getRandomValues(array);")
    public static native void getRandomValues(Uint8Array array);

    @JSBody(params = {"salt", "iterations"},
            script = "return {name: 'PBKDF2', salt: salt, iterations: iterations, hash: 'SHA-256'};")
    public static native JSObject pbkdf2Sha256(ArrayBufferView salt, int iterations);

    @JSBody(script = "return {name: 'PBKDF2'};")
    public static native JSObject pbkdf2();

    @JSBody(script = "return {name: 'AES-GCM', length: 256};")
    public static native JSObject aesGcm256();

    @JSBody(params = {"iv", "aad"}, script = "return {name: 'AES-GCM', iv: iv, additionalData: aad, tagLength: 128};")
    public static native JSObject aesGcm(ArrayBufferView iv, ArrayBufferView aad);

    /**
     * A JS-owned copy of {@code bytes}. TeaVM's {@code fromJavaArray} shares memory with the Java array; the copy
     * keeps JS (and WebCrypto, which may read its input later) independent of later changes on the Java side.
     */
    public static Uint8Array copyToJs(byte[] bytes) {
        Int8Array shared = Int8Array.fromJavaArray(bytes);
        // A Uint8Array view of the same bytes (no numeric conversion of negative values), then a real copy.
        Uint8Array view = Uint8Array.create(shared.getBuffer(), shared.getByteOffset(), shared.getLength());
        return Uint8Array.create(view);
    }

    /** The bytes of a WebCrypto result as a Java array. */
    public static byte[] copyToJava(ArrayBuffer buffer) {
        return Int8Array.create(buffer).copyToJavaArray();
    }

    /** The bytes of a JS Uint8Array as a Java array. */
    public static byte[] copyToJava(Uint8Array array) {
        return Int8Array.create(array.getBuffer(), array.getByteOffset(), array.getLength()).copyToJavaArray();
    }
}
