package privrec.client.browser;

import privrec.client.js.dom.BrowserPacer;
import privrec.client.js.net.BrowserCaches;
import privrec.client.js.net.BrowserClock;
import privrec.client.js.net.FetchHttp;
import privrec.client.js.net.TextDecoderUtf8;
import privrec.client.js.net.WebCryptoSha256;
import privrec.client.js.ort.OrtWebRuntime;
import privrec.client.model.CachingModelLoader;
import privrec.client.model.ModelLoader;

/**
 * Wires {@link CachingModelLoader} to the browser: fetch, WebCrypto, Cache API/IndexedDB, onnxruntime-web (in its
 * proxy worker), and a pacer that lets the page run between catalog slices.
 */
public final class BrowserModels {
    private BrowserModels() {
    }

    /**
     * A loader for the manifest at {@code baseUrl + "manifest.json"} (e.g. {@code "models/"}). The cache is opened
     * when {@link ModelLoader#load} runs, so the call must be on a TeaVM thread; nothing happens before.
     */
    public static ModelLoader loader(String baseUrl) {
        return listener -> new CachingModelLoader(baseUrl, new FetchHttp(), new WebCryptoSha256(),
                BrowserCaches.open(), new OrtWebRuntime(), BrowserClock::isoDate, new TextDecoderUtf8(),
                        new BrowserPacer())
                .load(listener);
    }
}
