package privrec.contributions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL 15 from the Debian package (binaries in {@value #BIN}): {@code initdb} into a temporary
 * directory, {@code pg_ctl start} on 127.0.0.1 with a free port and its unix socket in that directory, one empty
 * database; {@link #close} stops it ({@code -m immediate}) and deletes the directory. initdb refuses to run as
 * root, so as root every command runs as the package's {@code postgres} user ({@code runuser}) in a directory that
 * user owns. Start one per test class: it takes a few seconds.
 *
 * <p>Not installed → {@link IllegalStateException} naming {@code scripts/install-test-deps.sh}: the tests fail,
 * they do not skip.
 */
final class PostgresServer implements AutoCloseable {
    static final String BIN = "/usr/lib/postgresql/15/bin";
    private static final String SUPERUSER = "privrec";
    private static final String DATABASE = "contributions";

    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;
    private volatile boolean stopped;
    private final Thread shutdownHook;

    private PostgresServer(Path dir, int port, boolean asPostgresUser) {
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
        this.shutdownHook = new Thread(this::stopQuietly, "postgres-test-stop");
    }

    static PostgresServer start() {
        Path initdb = Path.of(BIN, "initdb");
        if (!Files.isExecutable(initdb) || !Files.isExecutable(Path.of(BIN, "pg_ctl"))) {
            throw new IllegalStateException("PostgreSQL 15 is not installed (no " + initdb + "): run "
                    + "scripts/install-test-deps.sh, which installs the Debian package postgresql");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir;
        try {
            dir = Files.createTempDirectory("privrec-pg-");
            if (root) {
                UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName("postgres");
                Files.setOwner(dir, postgres);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare a PostgreSQL directory (as root it must belong to the "
                    + "user postgres, which the Debian package creates): " + e.getMessage(), e);
        }
        PostgresServer server = new PostgresServer(dir, freePort(), root);
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        try {
            server.run(60, Path.of(BIN, "initdb").toString(), "-D", server.data().toString(), "-U", SUPERUSER,
                    "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
            server.run(60, Path.of(BIN, "pg_ctl").toString(), "-D", server.data().toString(), "-l",
                    dir.resolve("server.log").toString(), "-w", "-t", "30", "-o",
                    "-c listen_addresses=127.0.0.1 -p " + server.port + " -k " + dir
                            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start");
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port
                    + "/postgres?user=" + SUPERUSER);
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
            return server;
        } catch (RuntimeException | SQLException e) {
            String log = server.serverLog();
            server.close();
            throw new IllegalStateException("PostgreSQL did not start: " + e.getMessage()
                    + (log.isEmpty() ? "" : "\nserver.log:\n" + log), e);
        }
    }

    /** The database's JDBC URL (no password: local trust authentication). */
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE + "?user=" + SUPERUSER;
    }

    int port() {
        return port;
    }

    private Path data() {
        return dir.resolve("data");
    }

    private String serverLog() {
        try {
            Path log = dir.resolve("server.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private void run(int timeoutSeconds, String... command) {
        List<String> cmd = new ArrayList<>();
        if (asPostgresUser) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(List.of(command));
        try {
            Path out = Files.createTempFile("privrec-pg-cmd-", ".log");
            try {
                Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(out.toFile()).start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", cmd) + ": no answer within "
                            + timeoutSeconds + " s");
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", cmd) + " exited " + p.exitValue() + ": "
                            + Files.readString(out, StandardCharsets.UTF_8).strip());
                }
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void stopQuietly() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            if (Files.exists(data().resolve("postmaster.pid"))) {
                run(30, Path.of(BIN, "pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w",
                        "stop");
            }
        } catch (RuntimeException ignored) {
            // deleting the directory below is still worth trying
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; nothing else to do
        }
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // the JVM is already shutting down
        }
    }
}
