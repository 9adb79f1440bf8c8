package privrec.webapp.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import privrec.webapp.ChromiumBrowser;
import privrec.webapp.ServerHandle;

/**
 * A probe, not a test: where the main thread's time goes during a repeat visit (model in the Cache API), or with
 * {@code --first} during a first visit. Loads the page once to fill the cache (not with {@code --first}), then
 * loads it under V8's sampling profiler (Chrome DevTools Protocol) until the model is ready, and prints the
 * functions with the most self time and, per 100 ms of page time, the busiest one. With {@code --score} it profiles
 * 20 full-catalog scorings ({@code privrecBench.scoreOnce()}, one after another) after the model is ready instead:
 * the share of {@code (idle)} there is time the page waits (on the proxy worker or a scheduled resumption), the rest
 * is main-thread work.
 * Only the page's own thread: onnxruntime-web's proxy worker and the SHA-256 worker are not sampled. After
 * {@code scripts/bench.sh} (which builds the bench site):
 * <pre>
 *   w=webapp/target; java -Dprivrec.site.dir=$w/classes/site -cp "$w/test-classes:$w/classes:$(cat $w/bench.classpath)" \
 *     privrec.webapp.bench.StartupProfile [--first | --score] [$w/bench-87k/model]
 * </pre>
 */
public final class StartupProfile {
    private StartupProfile() {
    }

    private static final String READY = "document.getElementById('model-status') !== null"
            + " && document.getElementById('model-status').getAttribute('data-phase') === 'ready'";

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        boolean first = args.length > 0 && args[0].equals("--first");
        boolean score = args.length > 0 && args[0].equals("--score");
        int flags = first || score ? 1 : 0;
        String dir = args.length > flags ? args[flags] : null;
        Map<String, byte[]> overrides = dir != null ? Benchmark.modelFiles(Path.of(dir)) : Map.of();
        try (ServerHandle server = ServerHandle.startWith(overrides);
             ChromiumBrowser chrome = ChromiumBrowser.start()) {
            if (first) {
                chrome.open("about:blank");
            } else {
                chrome.open(server.url());
                chrome.waitUntil(Duration.ofMinutes(2), READY);
            }
            var driver = chrome.driver();
            if (score) {
                profileScoring(chrome);
                return;
            }
            driver.executeCdpCommand("Profiler.enable", Map.of());
            driver.executeCdpCommand("Profiler.setSamplingInterval", Map.of("interval", 200));
            driver.executeCdpCommand("Profiler.start", Map.of());
            chrome.open(server.url());
            chrome.waitUntil(Duration.ofMinutes(2), READY);
            Object readyAt = chrome.execute("return performance.now();");
            Map<String, Object> profile = (Map<String, Object>) driver.executeCdpCommand("Profiler.stop", Map.of())
                    .get("profile");
            System.out.println("model ready by page time " + readyAt + " ms");
            report(profile);
        }
    }

    @SuppressWarnings("unchecked")
    private static void profileScoring(ChromiumBrowser chrome) {
        var driver = chrome.driver();
        String twenty = "var done = arguments[arguments.length - 1], times = [];"
                + "(function next() { if (times.length === 20) { done(times); return; }"
                + "  privrecBench.scoreOnce().then(function (ms) { times.push(ms); next(); }); })();";
        chrome.executeAsync(twenty); // warm-up
        driver.executeCdpCommand("Profiler.enable", Map.of());
        driver.executeCdpCommand("Profiler.setSamplingInterval", Map.of("interval", 100));
        driver.executeCdpCommand("Profiler.start", Map.of());
        Object t0 = chrome.execute("return performance.now();");
        List<Number> times = (List<Number>) chrome.executeAsync(twenty);
        Object t1 = chrome.execute("return performance.now();");
        Map<String, Object> profile = (Map<String, Object>) driver.executeCdpCommand("Profiler.stop", Map.of())
                .get("profile");
        System.out.println("20 scorings, ms each: " + times + "; page time " + t0 + " .. " + t1);
        report(profile);
    }

    @SuppressWarnings("unchecked")
    private static void report(Map<String, Object> profile) {
        Map<Long, String> names = new HashMap<>();
        for (Map<String, Object> node : (List<Map<String, Object>>) profile.get("nodes")) {
            Map<String, Object> frame = (Map<String, Object>) node.get("callFrame");
            String url = String.valueOf(frame.get("url"));
            url = url.substring(url.lastIndexOf('/') + 1);
            String fn = String.valueOf(frame.get("functionName"));
            names.put(((Number) node.get("id")).longValue(), (fn.isEmpty() ? "(anonymous)" : fn) + " " + url + ":"
                    + frame.get("lineNumber") + ":" + frame.get("columnNumber"));
        }
        List<Number> samples = (List<Number>) profile.get("samples");
        List<Number> deltas = (List<Number>) profile.get("timeDeltas");
        Map<String, Double> self = new HashMap<>();
        Map<Long, Map<String, Double>> buckets = new TreeMap<>();
        double t = 0;
        for (int i = 0; i < samples.size(); i++) {
            double dt = i + 1 < deltas.size() ? deltas.get(i + 1).doubleValue() / 1000.0 : 0;
            t += deltas.get(i).doubleValue() / 1000.0;
            String name = names.get(samples.get(i).longValue());
            self.merge(name, dt, Double::sum);
            if (!name.startsWith("(idle)")) {
                buckets.computeIfAbsent((long) (t / 100), k -> new HashMap<>()).merge(name, dt, Double::sum);
            }
        }
        System.out.println("self time, top 25 (ms):");
        self.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).limit(25)
                .forEach(e -> System.out.printf("  %8.1f  %s%n", e.getValue(), e.getKey()));
        System.out.println("per 100 ms since the profile started: busy ms, busiest function");
        buckets.forEach((bucket, fns) -> {
            double busy = fns.values().stream().mapToDouble(Double::doubleValue).sum();
            var top = fns.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            System.out.printf("  %5d ms  busy %5.1f  %5.1f %s%n", bucket * 100, busy, top.getValue(), top.getKey());
        });
    }
}
