package privrec.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The load test of the server's time limits, bounded and on loopback only: while 50 clients send their headers a
 * byte every 2 s, 50 announce a 1 MB body they never send and 10 read the 14 MB wasm a kilobyte at a time, 200
 * ordinary GETs must still complete fast (p99 ≤ 200 ms); the slow-header clients are cut by the server once their
 * request head has taken longer than {@link StaticServer#REQUEST_HEAD_MILLIS}; and once all of them are gone the
 * server answers as before. Prints its figures.
 */
class SlowClientsTest {
    private static final int SLOW_HEADERS = 50;
    private static final int STALLED_BODIES = 50;
    private static final int SLOW_READERS = 10;
    private static final int NORMAL_GETS = 200;

    @Test
    void ordinaryRequestsStayFastWhileSlowClientsHoldConnections() throws Exception {
        List<Socket> slowHeaders = new ArrayList<>();
        List<Socket> stalledBodies = new ArrayList<>();
        List<Socket> slowReaders = new ArrayList<>();
        ScheduledExecutorService drip = Executors.newScheduledThreadPool(2);
        try (ServerHandle server = ServerHandle.start()) {
            int port = server.port();
            String wasm = "/" + ServerHandle.ortWasmPath(server.site());
            for (int i = 0; i < SLOW_HEADERS; i++) {
                Socket s = connect(port);
                send(s, "GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
                slowHeaders.add(s);
            }
            // One header byte every 2 s for each: the head never completes.
            drip.scheduleAtFixedRate(() -> slowHeaders.forEach(s -> trySend(s, "a")), 2, 2, TimeUnit.SECONDS);
            for (int i = 0; i < STALLED_BODIES; i++) {
                Socket s = connect(port);
                send(s, "GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000\r\n\r\n");
                stalledBodies.add(s);
            }
            for (int i = 0; i < SLOW_READERS; i++) {
                Socket s = new Socket();
                s.setReceiveBufferSize(4096);
                s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                send(s, "GET " + wasm + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: identity\r\n\r\n");
                slowReaders.add(s);
            }
            drip.scheduleAtFixedRate(() -> slowReaders.forEach(SlowClientsTest::readABit), 0, 200,
                    TimeUnit.MILLISECONDS);

            List<Double> millis = timedGets(server, NORMAL_GETS);
            Collections.sort(millis);
            double p50 = millis.get(millis.size() / 2);
            double p99 = millis.get((int) Math.ceil(millis.size() * 0.99) - 1);
            System.out.printf("slow clients held: %d slow headers, %d stalled bodies, %d slow readers; "
                            + "%d GETs: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", SLOW_HEADERS, STALLED_BODIES,
                    SLOW_READERS, NORMAL_GETS, p50, p99, millis.get(millis.size() - 1));
            assertTrue(p99 <= 200, "p99 " + p99 + " ms with slow clients held open");

            for (Socket s : stalledBodies) {
                assertTrue(readsToEnd(s, 5_000).startsWith("HTTP/1.1 400"), "a declared body is refused at once");
            }
            long cutAfter = StaticServer.REQUEST_HEAD_MILLIS + 3_000;
            for (Socket s : slowHeaders) {
                assertTrue(closedByServerWithin(s, cutAfter), "a request head that never completes is cut");
            }
            System.out.printf("all %d slow-header connections were closed by the server%n", SLOW_HEADERS);

            drip.shutdownNow();
            closeAll(slowReaders);
            List<Double> after = timedGets(server, NORMAL_GETS);
            Collections.sort(after);
            double afterP50 = after.get(after.size() / 2);
            System.out.printf("after the slow clients left: %d GETs: p50 %.1f ms, p99 %.1f ms%n", NORMAL_GETS,
                    afterP50, after.get((int) Math.ceil(after.size() * 0.99) - 1));
            assertTrue(afterP50 <= 50, "the server answers as before: p50 " + afterP50 + " ms");
        } finally {
            drip.shutdownNow();
            closeAll(slowHeaders);
            closeAll(stalledBodies);
            closeAll(slowReaders);
        }
    }

    private static List<Double> timedGets(ServerHandle server, int n) {
        List<Double> millis = new ArrayList<>();
        String[] paths = {"index.html", "boot.js", "models/manifest.json"};
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = Http.get(server.url(paths[i % paths.length]));
            millis.add((System.nanoTime() - t0) / 1e6);
            assertEquals(200, r.statusCode());
        }
        return millis;
    }

    private static Socket connect(int port) throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), port);
    }

    private static void send(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void trySend(Socket s, String text) {
        try {
            send(s, text);
        } catch (IOException closed) {
            // the server cut it: expected after the head deadline
        }
    }

    private static void readABit(Socket s) {
        try {
            s.setSoTimeout(50);
            s.getInputStream().read(new byte[1024]);
        } catch (IOException e) {
            // timeout or closed: fine, the point is reading slowly
        }
    }

    private static String readsToEnd(Socket s, int timeoutMillis) throws IOException {
        s.setSoTimeout(timeoutMillis);
        byte[] all = s.getInputStream().readAllBytes();
        return new String(all, StandardCharsets.ISO_8859_1);
    }

    /** True once the server closed the connection (EOF or reset) within {@code millis} from now. */
    private static boolean closedByServerWithin(Socket s, long millis) throws IOException {
        long deadline = System.currentTimeMillis() + millis;
        InputStream in = s.getInputStream();
        while (System.currentTimeMillis() < deadline) {
            s.setSoTimeout(250);
            try {
                int b = in.read();
                if (b == -1) {
                    return true;
                }
            } catch (SocketTimeoutException stillOpen) {
                // keep waiting
            } catch (IOException reset) {
                return true;
            }
        }
        return false;
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a test socket
            }
        }
    }
}
