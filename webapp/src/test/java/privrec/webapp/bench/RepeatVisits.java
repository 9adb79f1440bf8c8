package privrec.webapp.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import privrec.webapp.ChromiumBrowser;
import privrec.webapp.ServerHandle;

/**
 * A probe, not a test: the same page loaded {@code --visits} times (default 5) in one headless Chromium, each visit
 * staying open {@code --stay} ms (default 5000) after "model ready" before the next; prints each visit's "model
 * ready" (page clock) and the resource timings of the page's own requests ({@code transferSize} 0 = from the HTTP
 * cache without a request, ~300 = revalidated). Shows whether a later visit reuses what the earlier ones cached —
 * e.g. onnxruntime-web's compiled wasm (docs/browser-speed.md). After {@code scripts/bench.sh} (which builds the
 * bench site):
 * <pre>
 *   w=webapp/target; java -Dprivrec.site.dir=$w/classes/site -cp "$w/test-classes:$w/classes:$(cat $w/bench.classpath)" \
 *     privrec.webapp.bench.RepeatVisits [--visits 5] [--stay 5000] [$w/bench-87k/model]
 * </pre>
 */
public final class RepeatVisits {
    private static final String TIMINGS = ""
            + "var out = 'model ready at ' + performance.now().toFixed(0) + ' ms\\n';"
            + "performance.getEntriesByType('resource').forEach(function (e) {"
            + "  out += '    ' + e.name.replace(location.origin, '') + ' (' + e.initiatorType + ') ' + e.startTime.toFixed(0)"
            + "    + '-' + e.responseEnd.toFixed(0) + ' ms, transferSize ' + e.transferSize + '\\n';"
            + "});"
            + "return out;";

    private RepeatVisits() {
    }

    public static void main(String[] args) throws Exception {
        int visits = 5;
        long stayMs = 5000;
        String dir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--visits" -> visits = Integer.parseInt(args[++i]);
                case "--stay" -> stayMs = Long.parseLong(args[++i]);
                default -> dir = args[i];
            }
        }
        Map<String, byte[]> files = dir != null ? Benchmark.modelFiles(Path.of(dir)) : Map.of();
        try (ServerHandle server = ServerHandle.startWith(files);
             ChromiumBrowser chrome = ChromiumBrowser.start()) {
            for (int v = 1; v <= visits; v++) {
                chrome.open(server.url());
                chrome.waitUntil(Duration.ofMinutes(2), StartupTrace.READY);
                System.out.print("visit " + v + ": " + chrome.driver().executeScript(TIMINGS));
                Thread.sleep(stayMs);
            }
        }
        System.exit(0); // Selenium leaves non-daemon threads behind
    }
}
