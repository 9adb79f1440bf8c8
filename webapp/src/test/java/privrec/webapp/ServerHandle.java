package privrec.webapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Test fixture: the real {@link StaticServer} on a free 127.0.0.1 port, serving the site this build assembled
 * (target/classes/site), optionally with files replaced or added. Use with try-with-resources.
 *
 * <pre>{@code
 * try (ServerHandle server = ServerHandle.start()) {
 *     page = browser.open(server.url());
 *     assertEquals(List.of("/", ...), server.paths());
 * }
 * }</pre>
 */
public final class ServerHandle implements AutoCloseable {

    private static Site builtSite;

    private final StaticServer server;
    private final Site site;

    private ServerHandle(Site site) {
        this(site, 0);
    }

    private ServerHandle(Site site, int port) {
        this(site, port, ContributionSettings.NONE);
    }

    private ServerHandle(Site site, int port, ContributionSettings contributions) {
        this.site = site;
        try {
            // Request lines go to stdout only when asked: surefire keeps it per test, useful on failure.
            this.server = StaticServer.start(site, port, Boolean.getBoolean("privrec.test.serverLog") ? System.out : null,
                    contributions, System.err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The built site as the collector behind a reverse proxy runs it: reports go to {@code store}, the rate limiter
     * reads the client address from {@code X-Real-IP}.
     */
    public static ServerHandle collector(privrec.contributions.ReportStore store) {
        return new ServerHandle(builtSite(), 0, new ContributionSettings(store, RateLimiter.Limits.DEFAULT, "X-Real-IP"));
    }

    /** Serves exactly this site and takes {@code POST /contributions} as {@code contributions} says. */
    static ServerHandle start(Site site, ContributionSettings contributions) {
        return new ServerHandle(site, 0, contributions);
    }

    /** Serves the built site as is. */
    public static ServerHandle start() {
        return new ServerHandle(builtSite());
    }

    /** Serves the built site with these files (path without leading slash → bytes) replaced or added. */
    public static ServerHandle startWith(Map<String, byte[]> overrides) {
        return new ServerHandle(builtSite().withFiles(overrides));
    }

    /** Serves exactly this site. */
    public static ServerHandle start(Site site) {
        return new ServerHandle(site);
    }

    /**
     * The site assembled by the Maven build: the directory in system property {@code privrec.site.dir} (set by
     * surefire), else /site on the classpath. Loaded once per JVM (~20 MB).
     */
    public static synchronized Site builtSite() {
        if (builtSite == null) {
            String dir = System.getProperty("privrec.site.dir");
            builtSite = dir != null && Files.isDirectory(Path.of(dir)) ? Site.fromDirectory(Path.of(dir)) : Site.fromClasspath();
        }
        return builtSite;
    }

    /**
     * The site path of onnxruntime-web's wasm, {@code ort/ort-wasm-simd-threaded-<h8>.wasm}: the build
     * content-hashes its name so it is served immutable (webapp/build/assemble-site.mjs).
     */
    public static String ortWasmPath(Site site) {
        return ortWasmPath(site.paths());
    }

    /** The one {@code ort/ort-wasm-simd-threaded-<h8>.wasm} among these site paths. */
    public static String ortWasmPath(java.util.Collection<String> paths) {
        List<String> found = paths.stream().filter(p -> p.matches("ort/ort-wasm-simd-threaded-[0-9a-f]{8}\\.wasm")).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one hashed onnxruntime-web wasm, found " + found + " in " + paths);
        }
        return found.get(0);
    }

    /** Bytes as UTF-8, for overrides built from strings. */
    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A new release is published: stops this server and serves the built site with {@code overrides} on the same
     * port — the same origin, so a browser keeps its localStorage and Cache API entries. Use the returned handle
     * from then on.
     */
    public ServerHandle republish(Map<String, byte[]> overrides) {
        int port = port();
        close();
        return new ServerHandle(builtSite().withFiles(overrides), port);
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public String url() {
        return server.url();
    }

    /** Absolute URL of a site path: {@code url("models/manifest.json")}. */
    public String url(String path) {
        return server.url() + (path.startsWith("/") ? path.substring(1) : path);
    }

    public int port() {
        return server.port();
    }

    public Site site() {
        return site;
    }

    /** What the server saw, in order. Clear it between phases of a test with {@code requestLog().clear()}. */
    public RequestLog requestLog() {
        return server.requestLog();
    }

    /** Shorthand: the "METHOD path" of every request so far, for comparing two users' sessions. */
    public List<String> requestLines() {
        return requestLog().records().stream().map(r -> r.method() + " " + r.path()).toList();
    }

    @Override
    public void close() {
        server.close();
    }
}
