package privrec.webapp;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import privrec.contributions.ReportStore;
import privrec.contributions.StoreException;
import privrec.core.Manifest;
import privrec.core.privacy.ContributionPolicy;

/**
 * Serves the site on 127.0.0.1 only: {@code java -jar webapp.jar [--port 8080] [--site DIR]}.
 *
 * <p>Jetty 12 (non-blocking), because the JDK's {@code HttpServer} has no read or write time limits: four clients
 * sending headers a byte at a time held all its threads. Here every phase of a connection is bounded:
 * <ul>
 *   <li>request line + headers, and keep-alive idling: {@value #REQUEST_HEAD_MILLIS} ms in total
 *       ({@link ConnectionDeadlines}); headers at most {@value #MAX_HEADER_BYTES} bytes;</li>
 *   <li>request bodies: none are accepted — answered 400 at once, unread, and the connection closed — but on
 *       {@code POST /contributions} ({@link ContributionEndpoint}), whose body is read only up to one report's size
 *       and within {@value ContributionEndpoint#BODY_MILLIS} ms;</li>
 *   <li>responses: written without holding a thread, at least {@value #MIN_WRITE_BYTES_PER_SECOND} bytes/s
 *       ({@code MinimumDataRateHandler}), and no stall longer than the idle timeout of {@value #IDLE_MILLIS} ms;</li>
 *   <li>at most {@value #MAX_CONNECTIONS} connections at once (more wait in the accept queue).</li>
 * </ul>
 * Every response, Jetty's own errors included ({@link PlainErrorHandler}), carries
 * {@link ResponsePolicy#SECURITY_HEADERS}.
 */
public final class StaticServer implements AutoCloseable {
    static final long REQUEST_HEAD_MILLIS = 10_000;
    static final long IDLE_MILLIS = 10_000;
    static final int MAX_HEADER_BYTES = 8 * 1024;
    static final long MIN_WRITE_BYTES_PER_SECOND = 16 * 1024;
    static final int MAX_CONNECTIONS = 1_000;
    private static final int MAX_THREADS = 32;

    private final Server server;
    private final ServerConnector connector;
    private final RequestLog log;
    private final ContributionEndpoint contributions;

    private StaticServer(Server server, ServerConnector connector, RequestLog log,
                         ContributionEndpoint contributions) {
        this.server = server;
        this.connector = connector;
        this.log = log;
        this.contributions = contributions;
    }

    /**
     * Starts serving {@code site} on 127.0.0.1:{@code port} (0 = any free port).
     *
     * @param logOut where request lines are printed, or null for none
     * @throws BindException when the port is taken
     */
    public static StaticServer start(Site site, int port, PrintStream logOut) throws IOException {
        return start(site, port, logOut, ContributionSettings.NONE, System.err);
    }

    /**
     * Same, taking contribution reports for the site's release as {@code contributions} says.
     *
     * @param err where a failing store is reported, one line each
     */
    static StaticServer start(Site site, int port, PrintStream logOut, ContributionSettings contributions,
                              PrintStream err) throws IOException {
        ContributionEndpoint endpoint = new ContributionEndpoint(servedManifest(site), contributions.store(),
                contributions.limits(), contributions.clientAddressHeader(), err);
        RequestLog log = new RequestLog(logOut);
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 4);
        threads.setName("static-server");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        config.setRequestHeaderSize(MAX_HEADER_BYTES);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_MILLIS);
        ConnectionDeadlines deadlines = new ConnectionDeadlines(REQUEST_HEAD_MILLIS);
        connector.addEventListener(deadlines);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, connector));
        server.setErrorHandler(new PlainErrorHandler());
        server.setHandler(new MinimumDataRateHandler(new SiteHandler(site, log, deadlines, endpoint), 0,
                MIN_WRITE_BYTES_PER_SECOND));
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            endpoint.close();
            if (e.getCause() instanceof BindException bind) {
                throw bind;
            }
            throw e;
        } catch (Exception e) {
            stopQuietly(server);
            endpoint.close();
            throw new IOException(e.getMessage(), e);
        }
        deadlines.start(server.getScheduler());
        return new StaticServer(server, connector, log, endpoint);
    }

    /** The release this site serves ({@code models/manifest.json}), or null when it has none or it is unreadable. */
    static Manifest servedManifest(Site site) {
        return site.find(MANIFEST).map(a -> {
            try {
                return Manifest.parse(new String(a.content(), StandardCharsets.UTF_8), MANIFEST);
            } catch (RuntimeException e) {
                return null;
            }
        }).orElse(null);
    }

    static final String MANIFEST = "models/manifest.json";

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // already failing; the original error is what matters
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>/} — always the IP, which browsers treat as a secure context (WebCrypto). */
    public String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    public RequestLog requestLog() {
        return log;
    }

    /** Why {@code POST /contributions} is refused with 503, or null when reports are accepted. */
    String contributionsOff() {
        return contributions.disabledReason();
    }

    @Override
    public void close() {
        stopQuietly(server);
        contributions.close();
    }

    private static boolean acceptsContributions(Site site) {
        Manifest m = servedManifest(site);
        try {
            return m != null && ContributionPolicy.of(m) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void closeQuietly(ReportStore store) {
        if (store != null) {
            store.close();
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
        site.warnings().forEach(w -> err.println("warning: " + w));
        ReportStore store = null;
        String storeNote;
        if (options.noContributions()) {
            storeNote = "off (--no-contributions)";
        } else if (!acceptsContributions(site)) {
            // Nothing to store: the database is not even opened (no files appear in the data directory).
            storeNote = "off (this release accepts none)";
        } else {
            String url = options.contributionsUrl(Path.of("").toAbsolutePath());
            try {
                store = ReportStore.open(url);
            } catch (StoreException e) {
                err.println("error: --contributions: " + e.getMessage());
                return 2;
            }
            storeNote = "POST /contributions stored in " + ReportStore.redact(url);
        }
        StaticServer server;
        try {
            server = start(site, options.port(), out,
                    new ContributionSettings(store, RateLimiter.Limits.DEFAULT, options.clientAddressHeader()), err);
        } catch (BindException e) {
            closeQuietly(store);
            err.println("error: cannot listen on 127.0.0.1:" + options.port() + ": port already in use (try --port)");
            return 2;
        } catch (IOException e) {
            closeQuietly(store);
            err.println("error: cannot listen on 127.0.0.1:" + options.port() + ": " + e.getMessage());
            return 2;
        }
        out.println("Serving " + site.paths().size() + " files at " + server.url() + "  (Ctrl+C to stop)");
        out.println("Contributions: " + storeNote);
        out.flush();
        ReportStore opened = store;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            closeQuietly(opened);
        }));
        try {
            Thread.currentThread().join(); // serve until killed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
