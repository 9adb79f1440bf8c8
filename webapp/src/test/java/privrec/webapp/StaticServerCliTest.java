package privrec.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Command-line failures are one line on stderr and exit code 2. */
class StaticServerCliTest {

    @Test
    void portInUseIsOneClearLineAndExit2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result r = run("--port", String.valueOf(taken.getLocalPort()));
            assertEquals(2, r.code);
            assertEquals("error: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": port already in use (try --port)", r.err.strip());
        }
    }

    @Test
    void badFlagsExit2() {
        assertEquals(2, run("--port", "http").code);
        assertEquals(2, run("--port", "70000").code);
        assertEquals(2, run("--bogus").code);
        Result missing = run("--port");
        assertEquals(2, missing.code);
        assertTrue(missing.err.startsWith("error: --port needs a value"), missing.err);
    }

    @Test
    void helpExits0() {
        Result r = run("--help");
        assertEquals(0, r.code);
        assertTrue(r.out.startsWith("usage:"));
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = StaticServer.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
