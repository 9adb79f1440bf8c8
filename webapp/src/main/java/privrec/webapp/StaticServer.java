package privrec.webapp;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Serves the site on 127.0.0.1 only: {@code java -jar webapp.jar [--port 8080] [--site DIR]}.
 *
 * <p>Jetty 12 (non-blocking), because the JDK's {@code HttpServer} has no read or write time limits: four clients
 * sending headers a byte at a time held all its threads. Here every phase of a connection is bounded:
 * <ul>
 *   <li>request line + headers, and keep-alive idling: {@value #REQUEST_HEAD_MILLIS} ms in total
 *       ({@link ConnectionDeadlines}); headers at most {@value #MAX_HEADER_BYTES} bytes;</li>
 *   <li>request bodies: none are accepted — answered 400 at once, unread, and the connection closed;</li>
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

    private StaticServer(Server server, ServerConnector connector, RequestLog log) {
        this.server = server;
        this.connector = connector;
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
        server.setHandler(new MinimumDataRateHandler(new SiteHandler(site, log, deadlines), 0,
                MIN_WRITE_BYTES_PER_SECOND));
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            if (e.getCause() instanceof BindException bind) {
                throw bind;
            }
            throw e;
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException(e.getMessage(), e);
        }
        deadlines.start(server.getScheduler());
        return new StaticServer(server, connector, log);
    }

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

    @Override
    public void close() {
        stopQuietly(server);
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
