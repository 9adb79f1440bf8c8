package privrec.webapp.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import privrec.webapp.ChromiumBrowser;
import privrec.webapp.RequestRecord;
import privrec.webapp.ServerHandle;
import privrec.webapp.releases.TwoReleases;
import privrec.webapp.scenarios.ChromiumApp;

/**
 * The update-download measurement (not a test): {@code scripts/update-bench.sh}, which builds the two releases and
 * runs {@code UpdateDownloadBench OLD_DIR UPDATE_DIR}. Headless Chromium with a fresh profile opens the built site
 * serving OLD (first visit: empty Cache API, so every part is downloaded), waits until the model is ready, then the
 * same origin serves UPDATE and the same browser opens the page again: it starts from the Cache API state the old
 * release left and downloads what it lacks. Bytes on the wire are the server's count of body bytes it sent for
 * {@code models/} (compressed when the release folder holds .br/.gz siblings and Chromium asked for them, as the
 * site build's are). Prints both visits' requests, the two totals and their ratio.
 */
public final class UpdateDownloadBench {
    private UpdateDownloadBench() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: UpdateDownloadBench OLD_RELEASE_DIR UPDATE_RELEASE_DIR");
            System.exit(2);
        }
        Path old = Path.of(args[0]);
        Path update = Path.of(args[1]);
        ChromiumBrowser.requireChromium();
        ServerHandle server = ServerHandle.startWith(TwoReleases.siteFiles(old));
        try (ChromiumBrowser chrome = ChromiumBrowser.start()) {
            ChromiumApp app = new ChromiumApp(chrome);
            app.open(server.url());
            app.waitModelSettled();
            requireReady(app, "old release");
            List<RequestRecord> first = modelRequests(server);

            server = server.republish(TwoReleases.siteFiles(update));
            app.open(server.url());
            app.waitModelSettled();
            requireReady(app, "update");
            List<RequestRecord> again = modelRequests(server);

            print("first visit, old release (empty cache)", first);
            print("returning visit, update (cache holds the old release)", again);
            long full = total(first);
            long delta = total(again);
            System.out.printf(Locale.ROOT, "full first download: %,d bytes on the wire%n", full);
            System.out.printf(Locale.ROOT, "update for a returning user: %,d bytes on the wire%n", delta);
            System.out.printf(Locale.ROOT, "ratio: %.2f %% of a full download%n", 100.0 * delta / full);
            System.out.printf(Locale.ROOT, "parts the update lacks in the old release (uncompressed): %s%n",
                    TwoReleases.newParts(old, update));
        } finally {
            server.close();
        }
    }

    private static void requireReady(ChromiumApp app, String what) {
        Object phase = app.chrome().execute("return document.getElementById('model-status').getAttribute('data-phase');");
        if (!"ready".equals(phase)) {
            throw new IllegalStateException(what + ": model not ready: " + app.text("model-status"));
        }
    }

    private static List<RequestRecord> modelRequests(ServerHandle server) {
        return new ArrayList<>(server.requestLog().records().stream().filter(r -> r.path().startsWith("/models/")).toList());
    }

    private static long total(List<RequestRecord> requests) {
        return requests.stream().mapToLong(RequestRecord::bytes).sum();
    }

    private static void print(String title, List<RequestRecord> requests) {
        System.out.println(title + ":");
        for (RequestRecord r : requests) {
            System.out.println("  " + r.logLine());
        }
    }
}
