package privrec.client.js.dom;

import org.teavm.jso.JSBody;
import org.teavm.jso.core.JSPromise;
import org.teavm.jso.core.JSString;
import org.teavm.jso.dom.html.HTMLInputElement;

import privrec.client.js.JsPromises;

/**
 * File download (export) and upload (import) without any network: a Blob URL for saving, {@code File.text()}
 * for reading what the user picked.
 */
public final class Files {
    private Files() {
    }

    /**
     * Offers {@code text} as a file download. The Blob URL is same-origin and local; it is revoked shortly after
     * the click so the plaintext-free backup does not linger in memory.
     */
    @JSBody(params = {"text", "fileName", "mime"}, script =
            "var blob = new Blob([text], {type: mime});"
            + "var url = URL.createObjectURL(blob);"
            + "var a = document.createElement('a');"
            + "a.href = url; a.download = fileName; a.rel = 'noopener';"
            + "document.body.appendChild(a); a.click(); document.body.removeChild(a);"
            + "setTimeout(function() { URL.revokeObjectURL(url); }, 10000);")
    public static native void download(String text, String fileName, String mime);

    /** Text of the first file picked in {@code input}, or null when none; blocks (TeaVM thread only). */
    public static String readFirstFile(HTMLInputElement input) {
        if (fileCount(input) == 0) {
            return null;
        }
        // The promise yields a JS string; generics carry no conversion, so take it as JSString and convert.
        return JsPromises.await(firstFileText(input)).stringValue();
    }

    @JSBody(params = "input", script = "return input.files ? input.files.length : 0;")
    private static native int fileCount(HTMLInputElement input);

    @JSBody(params = "input", script = "return input.files[0].text();")
    private static native JSPromise<JSString> firstFileText(HTMLInputElement input);
}
