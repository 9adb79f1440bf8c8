package privrec.webapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * TEST ONLY — never shipped. The site as {@link StaticServer} serves it (its own {@link SiteHandler}, headers and
 * request log), plus a stand-in for {@code POST /contributions} that records each body and its request headers and
 * answers 204 (or a status the test sets), so the browser side of issue 9 can be tested without the real endpoint
 * (built in parallel on the server branch). Every other request goes to the real site handler unchanged.
 */
public final class ContributionCaptureServer implements AutoCloseable {
    /** One POST as received: body, and the headers a report must not carry (cookie, referer) or must carry. */
    public record Captured(String path, String query, byte[] body, String contentType, String cookie, String referer,
                           String origin) {
    }

    private final Server server;
    private final ServerConnector connector;
    private final RequestLog log = new RequestLog(null);
    private final List<Captured> captured = new ArrayList<>();
    private volatile int answer = 204;

    private ContributionCaptureServer(Site site, int port) {
        QueuedThreadPool threads = new QueuedThreadPool(16, 2);
        threads.setName("contribution-capture");
        threads.setDaemon(true);
        server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        connector.setPort(port);
        server.addConnector(connector);
        ConnectionDeadlines deadlines = new ConnectionDeadlines(StaticServer.REQUEST_HEAD_MILLIS);
        connector.addEventListener(deadlines);
        SiteHandler site0 = new SiteHandler(site, log, deadlines);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                if ("POST".equals(request.getMethod()) && "/contributions".equals(request.getHttpURI().getPath())) {
                    byte[] body;
                    try (InputStream in = Content.Source.asInputStream(request)) {
                        body = in.readAllBytes();
                    }
                    synchronized (captured) {
                        captured.add(new Captured(request.getHttpURI().getPath(), request.getHttpURI().getQuery(),
                                body, request.getHeaders().get(HttpHeader.CONTENT_TYPE),
                                request.getHeaders().get(HttpHeader.COOKIE), request.getHeaders().get(HttpHeader.REFERER),
                                request.getHeaders().get(HttpHeader.ORIGIN)));
                    }
                    ResponsePolicy.SECURITY_HEADERS.forEach(response.getHeaders()::put);
                    response.setStatus(answer);
                    callback.succeeded();
                    return true;
                }
                return site0.handle(request, response, callback);
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            throw new UncheckedIOException(new IOException(e.getMessage(), e));
        }
        deadlines.start(server.getScheduler());
    }

    /** The built site with these files replaced or added, on a free port. */
    public static ContributionCaptureServer startWith(Map<String, byte[]> overrides) {
        return new ContributionCaptureServer(ServerHandle.builtSite().withFiles(overrides), 0);
    }

    /** What {@code POST /contributions} answers from now on (default 204). */
    public void answer(int status) {
        this.answer = status;
    }

    public List<Captured> captured() {
        synchronized (captured) {
            return List.copyOf(captured);
        }
    }

    /** The site handler's log (GETs; the POSTs are in {@link #captured}). */
    public RequestLog requestLog() {
        return log;
    }

    public String url() {
        return "http://127.0.0.1:" + connector.getLocalPort() + "/";
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception ignored) {
            // stopping a test server
        }
    }
}
