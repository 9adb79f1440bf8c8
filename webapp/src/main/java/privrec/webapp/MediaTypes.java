package privrec.webapp;

import java.util.Map;

/** Content-Type by file extension. Unknown extensions are served as opaque bytes (and nosniff stops guessing). */
final class MediaTypes {

    private static final String UTF8 = "; charset=utf-8";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html" + UTF8),
            Map.entry("js", "text/javascript" + UTF8),
            // onnxruntime-web loads its emscripten glue as a module; browsers require a JavaScript MIME type.
            Map.entry("mjs", "text/javascript" + UTF8),
            Map.entry("css", "text/css" + UTF8),
            Map.entry("json", "application/json" + UTF8),
            Map.entry("tsv", "text/tab-separated-values" + UTF8),
            Map.entry("txt", "text/plain" + UTF8),
            Map.entry("svg", "image/svg+xml" + UTF8),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            // application/wasm is required for WebAssembly.instantiateStreaming.
            Map.entry("wasm", "application/wasm"),
            Map.entry("onnx", "application/octet-stream"));

    private MediaTypes() {
    }

    static String forPath(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash) {
            return "application/octet-stream";
        }
        return BY_EXTENSION.getOrDefault(path.substring(dot + 1), "application/octet-stream");
    }
}
