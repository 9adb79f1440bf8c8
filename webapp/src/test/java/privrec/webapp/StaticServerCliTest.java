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
    void contributionOptionsAreCheckedAndAnUnreachableStoreIsOneLineAndExit2() {
        Result notJdbc = run("--port", "0", "--contributions", "mysql://x/y");
        assertEquals(2, notJdbc.code);
        assertTrue(notJdbc.err.startsWith("error: --contributions \"mysql://x/y\" is not a JDBC URL"), notJdbc.err);
        assertEquals(2, run("--no-contributions", "--data-dir", "x").code);
        assertEquals(2, run("--contributions", "jdbc:h2:mem:x", "--data-dir", "x").code);
        assertEquals(2, run("--client-address-header", "X Real").code);
        Result unreachable = run("--port", "0", "--contributions",
                "jdbc:postgresql://127.0.0.1:1/contributions?user=u&password=secret");
        assertEquals(2, unreachable.code);
        assertTrue(unreachable.err.startsWith("error: --contributions: cannot open the contribution store at "
                + "jdbc:postgresql://127.0.0.1:1/contributions?user=u&password=***: "), unreachable.err);
        assertEquals(1, unreachable.err.strip().lines().count(), unreachable.err);
        assertTrue(!unreachable.err.contains("secret"));
    }

    @Test
    void theDefaultStoreIsAnH2FileUnderTheDataDirectory() {
        java.nio.file.Path wd = java.nio.file.Path.of("/srv/app");
        assertEquals("jdbc:h2:file:/srv/app/privrec-data/contributions",
                ServerOptions.parse(new String[0]).contributionsUrl(wd));
        assertEquals("jdbc:h2:file:/var/lib/privrec/contributions",
                ServerOptions.parse(new String[] {"--data-dir", "/var/lib/privrec"}).contributionsUrl(wd));
        assertTrue(ServerOptions.parse(new String[] {"--no-contributions"}).noContributions());
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
