package privrec.webapp.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.HasDevTools;
import org.openqa.selenium.devtools.v156.tracing.Tracing;
import org.openqa.selenium.devtools.v156.tracing.model.TracingComplete;
import privrec.webapp.ChromiumBrowser;
import privrec.webapp.ServerHandle;

/**
 * A probe, not a test: a first visit (or with {@code --repeat n}, the visit after n earlier ones) under a Chrome trace (DevTools {@code Tracing}, timeline and V8 compile
 * categories), until the model is ready. Prints every event of the page's main thread that took at least
 * {@code --min} ms (default 20), nested events included, so a long task shows what it was made of — e.g.
 * {@code EvaluateScript} of the bundle with its {@code V8.ParseFunction} and {@code V8.CompileCode} — and then
 * the top-level tasks ({@code RunTask}) of at least 50 ms. Tracing slows the page a little; the bench's Long
 * Tasks figures are the ones to quote. After {@code scripts/bench.sh} (which builds the bench site):
 * <pre>
 *   w=webapp/target; java -Dprivrec.site.dir=$w/classes/site -cp "$w/test-classes:$w/classes:$(cat $w/bench.classpath)" \
 *     privrec.webapp.bench.StartupTrace [--min 20] [--repeat n [--stay 500]] [--file name=path]... [$w/bench-87k/model]
 * </pre>
 * {@code --stay} is how long each earlier visit stays open after "model ready" (ms): Chromium writes the wasm's
 * compiled code to its cache only a second or two after it starts running, so a cache hit needs a few seconds.
 * {@code --file} serves the file at {@code path} as the site's {@code name} (e.g. a variant of the bundle, with an
 * {@code index.html} whose integrity attribute matches it), to compare variants under the same trace.
 */
public final class StartupTrace {
    private StartupTrace() {
    }

    private static final String CATEGORIES = "devtools.timeline,v8,v8.execute,disabled-by-default-devtools.timeline,"
            + "disabled-by-default-v8.compile,v8.wasm,blink,loading";
    /** The page says the model is ready (also used by {@link RepeatVisits}). */
    static final String READY = "document.getElementById('model-status') !== null"
            + " && document.getElementById('model-status').getAttribute('data-phase') === 'ready'";

    public static void main(String[] args) throws Exception {
        double minMs = 20;
        int repeat = 0;
        long stayMs = 500;
        Map<String, byte[]> files = new HashMap<>();
        String dir = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--min")) {
                minMs = Double.parseDouble(args[++i]);
            } else if (args[i].equals("--file")) {
                String[] nameAndPath = args[++i].split("=", 2);
                files.put(nameAndPath[0], java.nio.file.Files.readAllBytes(Path.of(nameAndPath[1])));
            } else if (args[i].equals("--repeat")) {
                repeat = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--stay")) {
                stayMs = Long.parseLong(args[++i]);
            } else {
                dir = args[i];
            }
        }
        if (dir != null) {
            files.putAll(Benchmark.modelFiles(Path.of(dir)));
        }
        try (ServerHandle server = ServerHandle.startWith(files);
             ChromiumBrowser chrome = ChromiumBrowser.start()) {
            for (int visit = 0; visit < repeat; visit++) {
                chrome.open(server.url());
                chrome.waitUntil(Duration.ofMinutes(2), READY);
                Thread.sleep(stayMs);
            }
            chrome.open("about:blank");
            DevTools devTools = ((HasDevTools) chrome.driver()).getDevTools();
            devTools.createSession();
            List<Map<String, Object>> events = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch complete = new CountDownLatch(1);
            devTools.addListener(Tracing.dataCollected(), (List<Map<String, Object>> batch) -> events.addAll(batch));
            devTools.addListener(Tracing.tracingComplete(), (TracingComplete c) -> complete.countDown());
            devTools.send(Tracing.start(Optional.of(CATEGORIES), Optional.empty(), Optional.empty(),
                    Optional.of(Tracing.StartTransferMode.REPORTEVENTS), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
            chrome.open(server.url());
            chrome.waitUntil(Duration.ofMinutes(2), READY);
            Thread.sleep(500); // the tasks right after "ready" (title index) belong to start-up too
            devTools.send(Tracing.end());
            if (!complete.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the trace did not complete");
            }
            List<Map<String, Object>> all;
            synchronized (events) {
                all = new ArrayList<>(events);
            }
            report(all, minMs);
        }
    }

    private static void report(List<Map<String, Object>> events, double minMs) {
        Map<String, String> threads = new HashMap<>();
        for (Map<String, Object> e : events) {
            if ("thread_name".equals(e.get("name")) && e.get("args") instanceof Map<?, ?> a) {
                threads.put(e.get("pid") + "/" + e.get("tid"), String.valueOf(a.get("name")));
            }
        }
        List<Map<String, Object>> main = new ArrayList<>();
        for (Map<String, Object> e : events) {
            if ("X".equals(e.get("ph")) && e.get("dur") instanceof Number
                    && "CrRendererMain".equals(threads.get(e.get("pid") + "/" + e.get("tid")))) {
                main.add(e);
            }
        }
        main.sort(Comparator.comparingDouble(e -> number(e, "ts")));
        double t0 = main.isEmpty() ? 0 : number(main.get(0), "ts");
        System.out.printf("main-thread events >= %.0f ms (start, duration in ms since the first event):%n", minMs);
        List<String> longTasks = new ArrayList<>();
        for (Map<String, Object> e : main) {
            double dur = number(e, "dur") / 1000;
            double at = (number(e, "ts") - t0) / 1000;
            if (dur >= minMs) {
                System.out.printf("  %8.1f %7.1f  %-40s %s%n", at, dur, e.get("name"), detail(e));
            }
            if ("RunTask".equals(e.get("name")) && dur >= 50) {
                longTasks.add(String.format("%.0f ms at %.0f", dur, at));
            }
        }
        System.out.println("tasks >= 50 ms: " + (longTasks.isEmpty() ? "none" : String.join(", ", longTasks)));
        // The wasm engine compiles in onnxruntime-web's proxy worker, not on the main thread: its events (streaming
        // compile, code-cache hit or write) say whether a repeat visit reused V8's cached module.
        System.out.println("wasm events (any thread):");
        for (Map<String, Object> e : events) {
            String name = String.valueOf(e.get("name"));
            if (name.toLowerCase(java.util.Locale.ROOT).contains("wasm") && e.get("ts") instanceof Number) {
                double dur = e.get("dur") instanceof Number ? number(e, "dur") / 1000 : 0;
                System.out.printf("  %8.1f %7.1f  %-40s %s%n", (number(e, "ts") - t0) / 1000, dur, name,
                        threads.getOrDefault(e.get("pid") + "/" + e.get("tid"), "?"));
            }
        }
    }

    private static double number(Map<String, Object> e, String key) {
        return ((Number) e.get(key)).doubleValue();
    }

    /** The script URL's file name or the function name an event carries, if any. */
    private static String detail(Map<String, Object> e) {
        if (!(e.get("args") instanceof Map<?, ?> args)) {
            return "";
        }
        Object what = args.get("fileName");
        if (what == null && args.get("data") instanceof Map<?, ?> data) {
            what = data.get("url") != null ? data.get("url") : data.get("functionName");
        }
        String s = what == null ? "" : String.valueOf(what);
        return s.substring(s.lastIndexOf('/') + 1);
    }
}
