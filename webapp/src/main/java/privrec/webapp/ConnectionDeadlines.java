package privrec.webapp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A total time limit for everything a connection does between two responses: the request line and headers of the
 * next request, or idling in keep-alive. Jetty's idle timeout only bounds the gap between two bytes, so a client
 * sending one header byte every few seconds would otherwise hold its connection for hours (slowloris); this cuts
 * any connection that has been waiting for a complete request head longer than {@link #limitMillis}.
 *
 * <p>While the handler is answering (from the complete request head until the response is written) the
 * connection is exempt: writing is bounded by the minimum data rate and the idle timeout instead.
 */
final class ConnectionDeadlines implements Connection.Listener {
    private static final long CHECK_EVERY_MILLIS = 250;

    /** When each open connection started waiting for its next request head; absent while a request is handled. */
    private final Map<Connection, Long> waitingSince = new ConcurrentHashMap<>();
    private final long limitMillis;

    ConnectionDeadlines(long limitMillis) {
        this.limitMillis = limitMillis;
    }

    /** Starts the periodic check on the server's scheduler. */
    void start(Scheduler scheduler) {
        scheduler.schedule(() -> {
            check(System.nanoTime());
            start(scheduler);
        }, CHECK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onOpened(Connection connection) {
        waitingSince.put(connection, System.nanoTime());
    }

    @Override
    public void onClosed(Connection connection) {
        waitingSince.remove(connection);
    }

    void requestStarted(Request request) {
        waitingSince.remove(request.getConnectionMetaData().getConnection());
    }

    void requestEnded(Request request) {
        Connection connection = request.getConnectionMetaData().getConnection();
        if (connection.getEndPoint().isOpen()) {
            waitingSince.put(connection, System.nanoTime());
        }
    }

    /** Closes every connection that has waited for a request head for longer than the limit. */
    void check(long nowNanos) {
        long limitNanos = TimeUnit.MILLISECONDS.toNanos(limitMillis);
        waitingSince.forEach((connection, since) -> {
            if (nowNanos - since > limitNanos) {
                waitingSince.remove(connection, since);
                connection.getEndPoint().close();
            }
        });
    }

    /** Connections currently waiting for a request head (for tests). */
    int waiting() {
        return waitingSince.size();
    }
}
