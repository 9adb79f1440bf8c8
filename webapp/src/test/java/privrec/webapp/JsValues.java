package privrec.webapp;

import java.util.Arrays;
import org.htmlunit.corejs.javascript.typedarrays.NativeArrayBuffer;
import org.htmlunit.corejs.javascript.typedarrays.NativeArrayBufferView;
import org.htmlunit.javascript.JavaScriptEngine;

/** Moving bytes between HtmlUnit's JavaScript typed arrays and Java without per-element JS loops. */
final class JsValues {

    private JsValues() {
    }

    /** A copy of the bytes a typed array (or ArrayBuffer) covers. */
    static byte[] bytes(Object jsValue, String what) {
        if (jsValue instanceof NativeArrayBufferView view) {
            requireAttached(view.getBuffer(), what);
            int off = view.getByteOffset();
            return Arrays.copyOfRange(view.getBuffer().getBuffer(), off, off + view.getByteLength());
        }
        if (jsValue instanceof NativeArrayBuffer buffer) {
            requireAttached(buffer, what);
            return Arrays.copyOf(buffer.getBuffer(), buffer.getLength());
        }
        throw JavaScriptEngine.typeError(what + " must be a typed array, got " + JavaScriptEngine.toString(jsValue));
    }

    /** Writes {@code src} into the memory of a typed array that JS allocated with exactly that byte length. */
    static void fill(Object jsValue, byte[] src, String what) {
        if (!(jsValue instanceof NativeArrayBufferView view) || view.getByteLength() != src.length) {
            throw JavaScriptEngine.typeError(what + ": expected a typed array of " + src.length + " bytes");
        }
        System.arraycopy(src, 0, view.getBuffer().getBuffer(), view.getByteOffset(), src.length);
    }

    static void detach(Object jsValue) {
        if (jsValue instanceof NativeArrayBufferView view) {
            view.getBuffer().detach();
        }
    }

    static String string(Object jsValue) {
        return JavaScriptEngine.toString(jsValue);
    }

    static int integer(Object jsValue) {
        double d = JavaScriptEngine.toNumber(jsValue);
        if (d != Math.rint(d) || d < Integer.MIN_VALUE || d > Integer.MAX_VALUE) {
            throw JavaScriptEngine.rangeError("not an integer: " + jsValue);
        }
        return (int) d;
    }

    /** A JSON string literal, for the small JSON replies the bridge builds by hand. */
    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static void requireAttached(NativeArrayBuffer buffer, String what) {
        if (buffer.isDetached()) {
            throw JavaScriptEngine.typeError(what + ": the ArrayBuffer is detached (already passed to session.run?)");
        }
    }
}
