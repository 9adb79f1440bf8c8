package privrec.client.js;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Int8Array;
import org.teavm.jso.typedarrays.Uint8Array;

/**
 * Java byte arrays over JS buffers and back. In TeaVM's JavaScript a {@code byte[]} is an {@code Int8Array}, so a
 * buffer that nothing else holds (a response body just read, a value just read from storage) becomes a Java array
 * without a copy ({@link #wrap}), a Java array goes without a copy to a JS API that copies what it is given
 * ({@link #view}), and a buffer handed to a JS API that may keep or detach it is a real copy ({@link #toJs}).
 */
public final class Bytes {
    private Bytes() {
    }

    /**
     * The buffer's bytes as a Java array that is a view of {@code buffer} itself (no copy: a 6 MB model file is
     * not duplicated on the main thread). Only for a buffer the caller owns and no JS code keeps or detaches.
     */
    @JSBody(params = "buffer", script = "return new Int8Array(buffer);")
    @JSByRef
    public static native byte[] wrap(ArrayBuffer buffer);

    /** A Uint8Array over the Java array's own bytes (no copy); only for a JS API that neither keeps nor detaches it. */
    @JSBody(params = "bytes", script = "return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);")
    public static native Uint8Array view(@JSByRef byte[] bytes);

    /** A fresh JS ArrayBuffer holding a copy of {@code data}. */
    public static ArrayBuffer toJs(byte[] data) {
        Int8Array fresh = new Int8Array(data.length);
        fresh.set(data);
        return fresh.getBuffer();
    }
}
