package privrec.webapp;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.thread.Scheduler;
import privrec.contributions.ReportStore;
import privrec.contributions.StoreException;
import privrec.core.Manifest;
import privrec.core.privacy.ContributionCheck;
import privrec.core.privacy.ContributionPolicy;
import privrec.core.privacy.ContributionReport;

/**
 * {@code POST /contributions}: one opted-in browser's report for the release this server serves
 * ({@code models/manifest.json} of its site), body {@code application/octet-stream} of exactly
 * {@link ContributionReport#size}{@code (rank)} bytes (docs/contributions-server.md).
 *
 * <table>
 *   <caption>Answers</caption>
 *   <tr><td>204</td><td>stored</td></tr>
 *   <tr><td>400</td><td>malformed (size, magic, non-finite value, padding), or a query string; the reason as one
 *       line of text/plain</td></tr>
 *   <tr><td>405</td><td>any method but POST ({@code Allow: POST})</td></tr>
 *   <tr><td>408</td><td>the body did not arrive within {@value #BODY_MILLIS} ms</td></tr>
 *   <tr><td>409</td><td>the same report is already stored (a replay)</td></tr>
 *   <tr><td>410</td><td>the report is for another release than the current one</td></tr>
 *   <tr><td>413</td><td>a body larger than a report, refused from its Content-Length unread, or once a chunked
 *       body passes the size</td></tr>
 *   <tr><td>415</td><td>a Content-Type other than application/octet-stream</td></tr>
 *   <tr><td>422</td><td>an ε the release does not offer, or a norm no genuine report has</td></tr>
 *   <tr><td>429</td><td>over the {@link RateLimiter} limits ({@code Retry-After})</td></tr>
 *   <tr><td>503</td><td>the release accepts no contributions, no store is configured, or the store failed</td></tr>
 * </table>
 * Nothing is stored on any refusal. The body is read only up to the report's size and within
 * {@value #BODY_MILLIS} ms; a refusal before the whole body is read closes the connection. The body and the
 * client address are never logged or kept (the rate limiter keeps only keyed hashes, in memory); no cookie is read
 * or set.
 */
final class ContributionEndpoint {
    static final String PATH = "/contributions";
    static final String MEDIA_TYPE = "application/octet-stream";
    /** The whole body must arrive within this long of the request head. */
    static final long BODY_MILLIS = 5_000;
    private static final int STORE_QUEUE = 256;

    /** How a handled request is answered: by {@link SiteHandler}, which adds the headers and logs the line. */
    interface Reply {
        void send(int status, String text, boolean close);
    }

    private final Manifest current;
    private final ContributionPolicy policy;
    private final String disabledReason;
    private final ReportStore store;
    private final RateLimiter limiter;
    private final String clientAddressHeader;
    private final PrintStream err;
    private final ThreadPoolExecutor storeThread;

    /**
     * @param current             the served release's manifest, or null when the site has none
     * @param store               where accepted reports go, or null for none (every POST is then 503)
     * @param limits              rate limits
     * @param clientAddressHeader a header set by the reverse proxy in front ({@code X-Real-IP}) whose value is the
     *                            client address for rate limiting, or null to use the connection's address
     * @param err                 where store failures are reported (one line, never a body or an address)
     */
    ContributionEndpoint(Manifest current, ReportStore store, RateLimiter.Limits limits,
                         String clientAddressHeader, PrintStream err) {
        this.current = current;
        ContributionPolicy p = null;
        String why = null;
        if (current == null) {
            why = "this site serves no release";
        } else {
            try {
                p = ContributionPolicy.of(current);
                if (p == null) {
                    why = "this release does not accept contributions";
                }
            } catch (RuntimeException e) {
                why = "this release's contribution terms are unreadable: " + e.getMessage();
            }
        }
        if (why == null && store == null) {
            why = "this server stores no contributions";
        }
        this.policy = why == null ? p : null;
        this.disabledReason = why;
        this.store = store;
        this.limiter = new RateLimiter(limits);
        this.clientAddressHeader = clientAddressHeader;
        this.err = err;
        this.storeThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(STORE_QUEUE), r -> {
                    Thread t = new Thread(r, "contribution-store");
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Whether reports are accepted at all; else why not. */
    String disabledReason() {
        return disabledReason;
    }

    /** The report size this server accepts, or -1 when it accepts none. */
    int reportSize() {
        return policy == null ? -1 : ContributionReport.size(policy.rank());
    }

    void close() {
        storeThread.shutdownNow();
    }

    void handle(Request request, Response response, boolean hadQuery, Reply reply) {
        if (!request.getMethod().equals("POST")) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            reply.send(405, "Method not allowed: reports are sent with POST", true);
            return;
        }
        if (!limiter.allow(clientAddress(request))) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, limiter.secondsLeftInWindow());
            reply.send(429, "Too many reports from here; try again later", true);
            return;
        }
        if (hadQuery) {
            reply.send(400, "Bad request: a report is sent without a query string", true);
            return;
        }
        if (policy == null) {
            reply.send(503, "Not accepting contributions: " + disabledReason, true);
            return;
        }
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null || !type.strip().equalsIgnoreCase(MEDIA_TYPE)) {
            reply.send(415, "Unsupported media type: a report is sent as " + MEDIA_TYPE, true);
            return;
        }
        int size = ContributionReport.size(policy.rank());
        long declared = request.getLength();
        if (declared > size) {
            reply.send(413, "Too large: a report of this release has " + size + " bytes", true);
            return;
        }
        if (declared >= 0 && declared < size) {
            reply.send(400, "Malformed: a report of this release has " + size + " bytes, not " + declared, true);
            return;
        }
        new BodyReader(request, size, reply).start();
    }

    private String clientAddress(Request request) {
        if (clientAddressHeader != null) {
            String forwarded = request.getHeaders().get(clientAddressHeader);
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.strip();
            }
        }
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        return remote instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(remote);
    }

    /** Reads at most {@code size} bytes before a deadline, then checks and stores them off the network threads. */
    private final class BodyReader {
        private final Request request;
        private final int size;
        private final Reply reply;
        private final byte[] body;
        private final AtomicBoolean answered = new AtomicBoolean();
        private int received;
        private Scheduler.Task deadline;

        BodyReader(Request request, int size, Reply reply) {
            this.request = request;
            this.size = size;
            this.reply = reply;
            this.body = new byte[size];
        }

        void start() {
            deadline = request.getComponents().getScheduler().schedule(
                    () -> answer(408, "Request timeout: the report did not arrive within " + BODY_MILLIS + " ms",
                            true), BODY_MILLIS, TimeUnit.MILLISECONDS);
            read();
        }

        private void read() {
            while (!answered.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this::read);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    // The client went away or the connection failed: nothing to answer, nothing stored.
                    answer(400, "Bad request: the body could not be read", true);
                    return;
                }
                ByteBuffer buffer = chunk.getByteBuffer();
                int n = buffer.remaining();
                if (n > size - received) {
                    chunk.release();
                    answer(413, "Too large: a report of this release has " + size + " bytes", true);
                    return;
                }
                buffer.get(body, received, n);
                received += n;
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    bodyComplete();
                    return;
                }
            }
        }

        private void bodyComplete() {
            if (received != size) {
                answer(400, "Malformed: a report of this release has " + size + " bytes, not " + received, true);
                return;
            }
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            deadline.cancel();
            try {
                storeThread.execute(() -> {
                    Answer a = checkAndStore();
                    reply.send(a.status(), a.text(), false);
                });
            } catch (RejectedExecutionException e) {
                reply.send(503, "Busy: too many reports at once; try again later", false);
            }
        }

        private Answer checkAndStore() {
            ContributionReport report;
            try {
                report = ContributionCheck.check(body, current);
            } catch (ContributionCheck.Refused refused) {
                int status = switch (refused.reason()) {
                    case DISABLED -> 503;
                    case MALFORMED -> 400;
                    case STALE_RELEASE -> 410;
                    case EPSILON, NORM -> 422;
                };
                return new Answer(status, refusedLabel(refused.reason()) + ": " + refused.getMessage());
            }
            if (!Arrays.equals(report.encode(), body)) {
                // Decoding and encoding are exact inverses for every well-formed body; this keeps the replay guard
                // (the digest of the stored bytes) from being dodged by another spelling of the same report.
                return new Answer(400, "Malformed: the report is not in its canonical form");
            }
            try {
                if (store.accept(report) == ReportStore.Outcome.DUPLICATE) {
                    return new Answer(409, "Conflict: this report is already stored");
                }
                return new Answer(204, "");
            } catch (StoreException e) {
                err.println("error: contributions: " + e.getMessage());
                return new Answer(503, "Unavailable: the contribution store failed; try again later");
            }
        }

        private void answer(int status, String text, boolean close) {
            if (answered.compareAndSet(false, true)) {
                if (deadline != null) {
                    deadline.cancel();
                }
                reply.send(status, text, close);
            }
        }
    }

    private record Answer(int status, String text) {
    }

    private static String refusedLabel(ContributionCheck.Reason reason) {
        return switch (reason) {
            case DISABLED -> "Not accepting contributions";
            case MALFORMED -> "Malformed";
            case STALE_RELEASE -> "Gone: not the current release";
            case EPSILON -> "Refused: epsilon";
            case NORM -> "Refused: norm";
        };
    }
}
