package privrec.client;

import privrec.client.text.Numbers;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLDocument;

import privrec.client.app.App;
import privrec.client.app.ContributionServices;
import privrec.client.js.dom.BrowserTimers;
import privrec.client.js.net.FetchReportChannel;
import privrec.client.js.webcrypto.CryptoRandom;
import privrec.client.browser.BrowserModels;
import privrec.client.browser.BrowserVaults;
import privrec.client.js.dom.BrowserNetworkLog;
import privrec.client.js.dom.BrowserPacer;
import privrec.client.js.net.BrowserClock;
import privrec.client.js.net.WebCryptoSha256;
import privrec.client.model.LoadListener;
import privrec.client.model.LoadedModel;
import privrec.client.ui.ErrorMessages;
import privrec.client.ui.Ui;
import privrec.client.vault.VaultStore;

/**
 * Boots the page: shows the profile screen at once, loads the model in the background while the user unlocks,
 * and starts the auto-lock timer. Browser bindings are wired here and in {@code privrec.client.browser} only;
 * {@code app}, {@code vault} and {@code model} never see {@code privrec.client.js}. Nothing here (or anywhere in
 * the client) sends data or errors anywhere.
 */
public final class Main {
    /** How often the auto-lock deadline is checked. */
    private static final int AUTO_LOCK_CHECK_MILLIS = 15_000;

    private Main() {
    }

    public static void main(String[] args) {
        start();
    }

    /** Starts the app; returns it (for the benchmark build's extra hooks), or null when it cannot start. */
    public static App start() {
        BrowserNetworkLog.enlargeBuffer();
        VaultStore store;
        try {
            store = BrowserVaults.open();
        } catch (RuntimeException e) {
            Ui.fatal(ErrorMessages.sentence(e));
            return null;
        }
        App app = new App(store, BrowserClock::epochMillis, new BrowserNetworkLog());
        connectContributions(app);
        Ui ui = Ui.start(app, HTMLDocument.current().getElementById("app"));
        Window.setInterval(ui::checkAutoLock, AUTO_LOCK_CHECK_MILLIS);
        WebCryptoSha256.prepare(); // its worker starts now and is ready when the first model file arrives
        new Thread(() -> loadModel(app)).start();
        return app;
    }

    private static void loadModel(App app) {
        app.modelProgress("Loading the recommendation model…");
        try {
            LoadedModel model = BrowserModels.loader("models/").load(new LoadListener() {
                @Override
                public void stage(String message) {
                    app.modelProgress(message);
                }

                @Override
                public void progress(String file, int loaded, int total) {
                    app.modelProgress("Loading model (" + Numbers.bytes(total) + "): "
                            + Numbers.bytes(loaded) + " received…");
                }
            });
            app.modelReady(model.manifest(), model.catalog(), model.scorer(), model.withdrawn(), sourceNote(model),
                    new BrowserPacer()::between, model.basis());
            // After "ready" is on screen: the title index, in slices, so the first search finds it built.
            app.indexTitles();
        } catch (Throwable e) {
            app.modelFailed(ErrorMessages.sentence(e));
        }
    }

    /**
     * Opt-in contributions: the one POST they may make, setTimeout for its random send time, getRandomValues for
     * noise and delay. Nothing is made or sent unless the open profile opted in; a browser without getRandomValues
     * gets no contributions at all (never a weaker random source).
     */
    private static void connectContributions(App app) {
        try {
            app.contributions().connect(new ContributionServices(new FetchReportChannel(), new BrowserTimers(),
                    new CryptoRandom()));
        } catch (RuntimeException e) {
            // No crypto.getRandomValues: contributions stay unavailable.
        }
    }

    private static String sourceNote(LoadedModel model) {
        if (model.notice() != null) {
            return model.notice();
        }
        return switch (model.source()) {
            case NETWORK -> "downloaded " + Numbers.bytes(model.downloadedBytes()) + " and verified";
            case CACHE -> "from this browser's cache, verified";
            case CACHE_OFFLINE -> "offline: the last verified model in this browser's cache";
        };
    }
}
