package privrec.webapp.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real web server of the machine (Debian's nginx or caddy) serving {@code webapp/target/deploy/} with the configs
 * the build shipped there, on a free 127.0.0.1 port, from a throw-away directory; stopped by {@link #close()}.
 * The shipped config is changed only where a deployer would change it: the listen port and the site's root.
 */
final class HostProcess implements AutoCloseable {
    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final Path CADDY = Path.of("/usr/bin/caddy");

    private final Process process;
    private final Path dir;
    private final int port;

    private HostProcess(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** The folder the build wrote (system property {@code privrec.deploy.dir}, set by surefire). */
    static Path deployDir() {
        Path dir = Path.of(System.getProperty("privrec.deploy.dir", "target/deploy"));
        if (!Files.isDirectory(dir.resolve("site"))) {
            fail("no deployable folder at " + dir.toAbsolutePath() + ": build the webapp module first");
        }
        return dir;
    }

    /** Skips (locally) or fails (CI=true) when the server binary is missing; scripts/install-test-deps.sh installs it. */
    static void require(Path binary) {
        if (Files.isExecutable(binary)) {
            return;
        }
        String msg = binary + " is not installed; run scripts/install-test-deps.sh";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true and " + msg);
        }
        Assumptions.abort(msg);
    }

    static HostProcess nginx() {
        return nginx(8081);
    }

    /** nginx with the shipped config, its /contributions proxied to a collector on {@code collectorPort}. */
    static HostProcess nginx(int collectorPort) {
        require(NGINX);
        Path deploy = deployDir().toAbsolutePath();
        Path dir = tempDir("privrec-nginx-");
        int port = freePort();
        try {
            Path conf = dir.resolve("conf");
            Files.createDirectories(conf.resolve("privrec"));
            Files.copy(deploy.resolve("nginx/security-headers.conf"), conf.resolve("privrec/security-headers.conf"));
            Files.copy(deploy.resolve("nginx/proxy-hide-headers.conf"), conf.resolve("privrec/proxy-hide-headers.conf"));
            String site = Files.readString(deploy.resolve("nginx/privrec.conf"))
                    .replace("listen 80;", "listen 127.0.0.1:" + port + ";")
                    .replace("root /srv/privrec/site;", "root " + deploy.resolve("site") + ";")
                    .replace("http://127.0.0.1:8081;", "http://127.0.0.1:" + collectorPort + ";");
            Files.writeString(conf.resolve("privrec.conf"), site);
            String main = "daemon off;\nmaster_process off;\npid " + dir.resolve("nginx.pid") + ";\n"
                    + "error_log " + dir.resolve("error.log") + " warn;\n"
                    + "events { worker_connections 256; }\n"
                    + "http {\n  access_log off;\n"
                    + "  client_body_temp_path " + dir.resolve("body") + ";\n"
                    + "  proxy_temp_path " + dir.resolve("proxy") + ";\n"
                    + "  fastcgi_temp_path " + dir.resolve("fastcgi") + ";\n"
                    + "  uwsgi_temp_path " + dir.resolve("uwsgi") + ";\n"
                    + "  scgi_temp_path " + dir.resolve("scgi") + ";\n"
                    + "  sendfile on;\n  include privrec.conf;\n}\n";
            Files.writeString(conf.resolve("nginx.conf"), main);
            ProcessBuilder pb = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c",
                    conf.resolve("nginx.conf").toString());
            return start(pb, dir, port, dir.resolve("error.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HostProcess caddy() {
        return caddy(8081);
    }

    /** Caddy with the shipped Caddyfile, its /contributions proxied to a collector on {@code collectorPort}. */
    static HostProcess caddy(int collectorPort) {
        require(CADDY);
        Path deploy = deployDir().toAbsolutePath();
        Path dir = tempDir("privrec-caddy-");
        int port = freePort();
        try {
            Files.copy(deploy.resolve("caddy/security-headers.caddy"), dir.resolve("security-headers.caddy"));
            Files.copy(deploy.resolve("caddy/proxy-hide-headers.caddy"), dir.resolve("proxy-hide-headers.caddy"));
            String caddyfile = Files.readString(deploy.resolve("caddy/Caddyfile"))
                    .replace(":8080 {", "http://127.0.0.1:" + port + " {")
                    .replace("root * /srv/privrec/site", "root * " + deploy.resolve("site"))
                    .replace("reverse_proxy 127.0.0.1:8081 {", "reverse_proxy 127.0.0.1:" + collectorPort + " {");
            Files.writeString(dir.resolve("Caddyfile"), caddyfile);
            ProcessBuilder pb = new ProcessBuilder(CADDY.toString(), "run", "--config",
                    dir.resolve("Caddyfile").toString(), "--adapter", "caddyfile");
            Map<String, String> env = pb.environment();
            env.put("HOME", dir.toString());
            env.put("XDG_DATA_HOME", dir.resolve("data").toString());
            env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
            return start(pb, dir, port, dir.resolve("caddy.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HostProcess start(ProcessBuilder pb, Path dir, int port, Path log) throws IOException {
        pb.directory(dir.toFile());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("output.log").toFile()));
        Process p = pb.start();
        HostProcess host = new HostProcess(p, dir, port);
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if (!p.isAlive()) {
                String out = read(dir.resolve("output.log")) + read(log);
                host.close();
                fail(pb.command().get(0) + " exited with " + p.exitValue() + ": " + out);
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return host;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        host.close();
        fail(pb.command().get(0) + " did not listen on port " + port + ": " + read(dir.resolve("output.log")));
        return null;
    }

    String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a leftover temp dir is harmless
        }
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static List<String> siteFiles() {
        try (Stream<Path> walk = Files.walk(deployDir().resolve("site"))) {
            return walk.filter(Files::isRegularFile).map(p -> deployDir().resolve("site").relativize(p).toString())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
