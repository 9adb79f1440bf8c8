package privrec.webapp.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import privrec.webapp.ResponsePolicy;
import privrec.webapp.ServerHandle;
import privrec.webapp.Site;

/** The deployable folder the build wrote: every header from the one source, every served file, nothing stale. */
class DeployBundleTest {
    private final Path deploy = HostProcess.deployDir();

    @Test
    void theFolderHoldsExactlyTheSiteTheJavaServerServesPlusHeaders() {
        Site built = ServerHandle.builtSite();
        Site deployed = Site.fromDirectory(deploy.resolve("site"));
        assertEquals(built.paths().size() + 1, deployed.paths().size(), "the site plus _headers");
        for (String path : built.paths()) {
            assertEquals(built.find(path).orElseThrow().sha256(), deployed.find(path).orElseThrow().sha256(), path);
        }
        assertEquals(java.util.List.of(), deployed.warnings(), "no stale compressed copy");
    }

    @Test
    void everyConfigCarriesEverySecurityHeaderOfTheJavaServer() throws IOException {
        String nginx = Files.readString(deploy.resolve("nginx/security-headers.conf"));
        String caddy = Files.readString(deploy.resolve("caddy/security-headers.caddy"));
        String headers = Files.readString(deploy.resolve("site/_headers"));
        ResponsePolicy.SECURITY_HEADERS.forEach((name, value) -> {
            assertTrue(nginx.contains("add_header " + name + " \"" + value + "\" always;"), name + " in nginx");
            assertTrue(caddy.contains(name + " \"" + value + "\""), name + " in caddy");
            assertTrue(headers.contains("  " + name + ": " + value + "\n"), name + " in _headers");
        });
        Site built = ServerHandle.builtSite();
        for (String path : built.paths()) {
            String rule = "/" + path + "\n  Cache-Control: " + ResponsePolicy.cacheControl(built.find(path).orElseThrow());
            assertTrue(headers.contains(rule), "_headers rule for " + path);
        }
        assertTrue(headers.contains("/\n  Cache-Control: no-cache\n"));
    }

    @Test
    void indexHtmlCarriesTheMetaCspFallback() {
        String index = new String(ServerHandle.builtSite().find("index.html").orElseThrow().content(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(index.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"" + ResponsePolicy.META_CSP
                + "\">"), "index.html's meta CSP equals ResponsePolicy.META_CSP");
        assertTrue(!ResponsePolicy.META_CSP.contains("frame-ancestors"), "a meta CSP cannot carry frame-ancestors");
    }
}
