package privrec.webapp;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Serves the site on 127.0.0.1 only: {@code java -jar webapp.jar [--port 8080] [--site DIR]}.
 * The JDK's own HTTP server, so the runnable jar has no dependencies.
 */
public final class StaticServer implements AutoCloseable {

    /** A few threads, so one slow 14 MB wasm download does not hold up the small files behind it. */
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService pool;
    private final RequestLog log;

    private StaticServer(HttpServer server, ExecutorService pool, RequestLog log) {
        this.server = server;
        this.pool = pool;
        this.log = log;
    }

    /**
     * Starts serving {@code site} on 127.0.0.1:{@code port} (0 = any free port).
     *
     * @param logOut where request lines are printed, or null for none
     * @throws BindException when the port is taken
     */
    public static StaticServer start(Site site, int port, PrintStream logOut) throws IOException {
        RequestLog log = new RequestLog(logOut);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "static-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", new SiteHandler(site, log));
        server.start();
        return new StaticServer(server, pool, log);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>/} — always the IP, which browsers treat as a secure context (WebCrypto). */
    public String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    public RequestLog requestLog() {
        return log;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command line, minus System.exit, so tests can run it. Returns the exit code once started or failed. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        ServerOptions options;
        try {
            options = ServerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(ServerOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            out.println(ServerOptions.USAGE);
            return 0;
        }
        Site site;
        try {
            site = options.siteDir() == null ? Site.fromClasspath() : Site.fromDirectory(options.siteDir());
        } catch (RuntimeException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        StaticServer server;
        try {
            server = start(site, options.port(), out);
        } catch (BindException e) {
            err.println("error: cannot listen on 127.0.0.1:" + options.port() + ": port already in use (try --port)");
            return 2;
        } catch (IOException e) {
            err.println("error: cannot listen on 127.0.0.1:" + options.port() + ": " + e.getMessage());
            return 2;
        }
        out.println("Serving " + site.paths().size() + " files at " + server.url() + "  (Ctrl+C to stop)");
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        try {
            Thread.currentThread().join(); // serve until killed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
