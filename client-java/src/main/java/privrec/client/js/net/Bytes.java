package privrec.client.js.net;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;

/**
 * Copies between Java byte arrays and JS buffers. Always real copies: TeaVM's {@code fromJavaArray} views share
 * memory with the Java array, and JS APIs (ort, Cache API) may keep or detach a buffer they were given.
 */
public final class Bytes {
    private Bytes() {
    }

    /** A Java copy of the buffer's bytes. */
    public static byte[] toJava(ArrayBuffer buffer) {
        byte[] out = new byte[buffer.getByteLength()];
        copyInto(out, buffer);
        return out;
    }

    /** A fresh JS ArrayBuffer holding a copy of {@code data}. */
    public static ArrayBuffer toJs(byte[] data) {
        Int8Array fresh = new Int8Array(data.length);
        fresh.set(data);
        return fresh.getBuffer();
    }

    // dst is the Java array's own Int8Array (by reference), so set() writes straight into Java memory.
    @JSBody(params = {"dst", "src"}, script = "dst.set(new Int8Array(src));")
    private static native void copyInto(@JSByRef byte[] dst, ArrayBuffer src);
}
