package privrec.webapp;

import java.util.Map;

/** Extra files the infrastructure tests add to the built site: a blank page and a tiny model. */
final class TestPages {

    static final String BLANK = "test/blank.html";
    static final String TINY_MODEL = "test/tiny.onnx";

    private TestPages() {
    }

    /** A page with no script of its own: bridge tests drive it with evalAsync. */
    static Map<String, byte[]> blankPageAndTinyModel() {
        return Map.of(
                BLANK, ServerHandle.utf8("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>blank</title></head>"
                        + "<body><p>test page</p></body></html>"),
                TINY_MODEL, TinyModels.gemm());
    }

    /** JS: fetches the tiny model as an ArrayBuffer with XHR (works in HtmlUnit and Chromium), then calls next. */
    static String loadTinyModel(String next) {
        return "var xhr = new XMLHttpRequest(); xhr.open('GET', '/" + TINY_MODEL + "'); xhr.responseType = 'arraybuffer';"
                + "xhr.onload = function () { var model = xhr.response; " + next + " };"
                + "xhr.onerror = function () { done({__error: 'cannot load model'}); }; xhr.send();";
    }
}
