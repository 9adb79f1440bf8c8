package privrec.webapp.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import privrec.webapp.ResponsePolicy;
import privrec.webapp.Site;

/**
 * Writes the one deployable folder, {@code webapp/target/deploy/}, from the assembled site (run by the build after
 * {@code assemble-site.mjs}):
 * <pre>
 * deploy/site/                       every file the Java server serves, with its verified .gz/.br siblings,
 *                                    plus _headers (Netlify / Cloudflare Pages format)
 * deploy/nginx/privrec.conf          the nginx server block (copied from webapp/deploy/nginx/)
 * deploy/nginx/security-headers.conf add_header lines, "always", generated
 * deploy/nginx/proxy-hide-headers.conf proxy_hide_header lines for the proxied /contributions, generated
 * deploy/caddy/Caddyfile             the Caddy site (copied from webapp/deploy/caddy/)
 * deploy/caddy/security-headers.caddy the header block, generated
 * deploy/caddy/proxy-hide-headers.caddy header_down lines for the proxied /contributions, generated
 * </pre>
 * Every header value comes from {@link ResponsePolicy}, the Java server's own source, so no host can drift.
 *
 * <p>{@code java -cp webapp.jar privrec.webapp.deploy.DeployBundle SITE_DIR CONFIG_DIR OUT_DIR}
 */
public final class DeployBundle {
    private DeployBundle() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: DeployBundle SITE_DIR CONFIG_DIR OUT_DIR");
            System.exit(2);
        }
        write(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
    }

    /** Builds {@code out} anew from the site in {@code siteDir} and the shipped configs in {@code configDir}. */
    public static void write(Path siteDir, Path configDir, Path out) throws IOException {
        Site site = Site.fromDirectory(siteDir);
        if (!site.warnings().isEmpty()) {
            throw new IllegalStateException("the site has stale or damaged files: " + site.warnings());
        }
        Path staging = out.resolveSibling(out.getFileName() + ".tmp");
        deleteTree(staging);
        Path siteOut = staging.resolve("site");
        copyTree(siteDir, siteOut);
        Files.writeString(siteOut.resolve("_headers"), headersFile(site), StandardCharsets.UTF_8);
        Files.createDirectories(staging.resolve("nginx"));
        Files.copy(configDir.resolve("nginx/privrec.conf"), staging.resolve("nginx/privrec.conf"));
        Files.writeString(staging.resolve("nginx/security-headers.conf"), nginxSnippet(), StandardCharsets.UTF_8);
        Files.writeString(staging.resolve("nginx/proxy-hide-headers.conf"), nginxProxyHide(), StandardCharsets.UTF_8);
        Files.createDirectories(staging.resolve("caddy"));
        Files.copy(configDir.resolve("caddy/Caddyfile"), staging.resolve("caddy/Caddyfile"));
        Files.writeString(staging.resolve("caddy/security-headers.caddy"), caddySnippet(), StandardCharsets.UTF_8);
        Files.writeString(staging.resolve("caddy/proxy-hide-headers.caddy"), caddyProxyHide(), StandardCharsets.UTF_8);
        // Swap in whole: a half-written deploy folder is never left where the docs say to upload from.
        deleteTree(out);
        Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
    }

    /** {@code add_header} lines for nginx; {@code always} so error responses carry them too. */
    static String nginxSnippet() {
        StringBuilder b = new StringBuilder("# Generated from privrec.webapp.ResponsePolicy by DeployBundle; do not edit.\n");
        ResponsePolicy.SECURITY_HEADERS.forEach((name, value) ->
                b.append("add_header ").append(name).append(" \"").append(value).append("\" always;\n"));
        return b.toString();
    }

    /**
     * {@code proxy_hide_header} lines for the proxied {@code /contributions}: the Java collector sends the same
     * security headers itself, and nginx adds its own copy, so the collector's are dropped (one of each).
     */
    static String nginxProxyHide() {
        StringBuilder b = new StringBuilder("# Generated from privrec.webapp.ResponsePolicy by DeployBundle; do not edit.\n");
        ResponsePolicy.SECURITY_HEADERS.keySet().forEach(name -> b.append("proxy_hide_header ").append(name).append(";\n"));
        b.append("proxy_hide_header Set-Cookie;\n");
        return b.toString();
    }

    /** The same for Caddy's {@code reverse_proxy}: {@code header_down -Name} lines. */
    static String caddyProxyHide() {
        StringBuilder b = new StringBuilder("# Generated from privrec.webapp.ResponsePolicy by DeployBundle; do not edit.\n");
        ResponsePolicy.SECURITY_HEADERS.keySet().forEach(name -> b.append("header_down -").append(name).append('\n'));
        b.append("header_down -Set-Cookie\n");
        return b.toString();
    }

    /** A Caddy {@code header} block. */
    static String caddySnippet() {
        StringBuilder b = new StringBuilder("# Generated from privrec.webapp.ResponsePolicy by DeployBundle; do not edit.\n");
        b.append("header {\n");
        ResponsePolicy.SECURITY_HEADERS.forEach((name, value) ->
                b.append('\t').append(name).append(" \"").append(value).append("\"\n"));
        b.append("\t-Server\n}\n");
        return b.toString();
    }

    /**
     * The {@code _headers} file: the security headers for every path, and each file's Cache-Control listed by
     * name (a wildcard rule for it would be merged with the per-file rules on some hosts).
     */
    static String headersFile(Site site) {
        StringBuilder b = new StringBuilder("# Generated from privrec.webapp.ResponsePolicy by DeployBundle; do not edit.\n");
        b.append("/*\n");
        ResponsePolicy.SECURITY_HEADERS.forEach((name, value) ->
                b.append("  ").append(name).append(": ").append(value).append('\n'));
        Map<String, String> cache = new TreeMap<>();
        for (String path : site.paths()) {
            String control = ResponsePolicy.cacheControl(site.find(path).orElseThrow());
            cache.put("/" + path, control);
            if (path.equals("index.html")) {
                cache.put("/", control);
            }
        }
        cache.forEach((path, control) -> b.append(path).append("\n  Cache-Control: ").append(control).append('\n'));
        return b.toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(from)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path f : files) {
            Path target = to.resolve(from.relativize(f).toString());
            Files.createDirectories(target.getParent());
            Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
