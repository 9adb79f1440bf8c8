package privrec.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteTest {

    @Test
    void aNameIsContentHashedOnlyWhenTheHashMatches() {
        byte[] js = ServerHandle.utf8("main([]);\n");
        String sha = Site.sha256Hex(js);
        assertTrue(Site.isContentHashed("app-" + sha.substring(0, 8) + ".js", sha));
        assertTrue(Site.isContentHashed("models/model-" + sha + ".onnx", sha));
        assertFalse(Site.isContentHashed("app-deadbeef.js", sha));
        assertFalse(Site.isContentHashed("app.js", sha));
        assertFalse(Site.isContentHashed("app-" + sha.substring(0, 7) + ".js", sha), "too short to be a claim");
    }

    @Test
    void siblingsBecomeEncodingsAndReplacedFilesLoseStaleOnes() throws Exception {
        byte[] a = {1};
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(a);
        }
        Site site = Site.fromFiles(Map.of("a.js", a, "a.js.gz", gz.toByteArray(), "b.txt.gz", new byte[] {4}));
        assertEquals(java.util.List.of("a.js", "b.txt.gz"), site.paths(), "a .gz without its base is a plain file");
        assertEquals(1, site.find("a.js").orElseThrow().encoded().size());
        Site replaced = site.withFiles(Map.of("a.js", new byte[] {9}));
        assertTrue(replaced.find("a.js").orElseThrow().encoded().isEmpty(), "old compressed copies would serve old bytes");
    }

    @Test
    void aStaleOrDamagedCompressedCopyIsDroppedWithAWarning() throws Exception {
        byte[] now = "new content of app.js".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] old = "old content".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(old);
        }
        Site site = Site.fromFiles(Map.of("app.js", now, "app.js.gz", gz.toByteArray(), "app.js.br", new byte[] {1, 2, 3}));
        Asset asset = site.find("app.js").orElseThrow();
        assertTrue(asset.encoded().isEmpty(), "neither stale copy may be served under the new file's ETag");
        assertEquals(2, site.warnings().size(), site.warnings().toString());
        assertTrue(site.warnings().get(0).contains("app.js.") && site.warnings().get(0).contains("stale"));

        java.io.ByteArrayOutputStream fresh = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(fresh)) {
            out.write(now);
        }
        Site good = Site.fromFiles(Map.of("app.js", now, "app.js.gz", fresh.toByteArray()));
        assertEquals(java.util.Set.of("gzip"), good.find("app.js").orElseThrow().encoded().keySet());
        assertEquals(java.util.List.of(), good.warnings());
    }

    @Test
    void theBuiltSitesBrotliCopiesAllVerify() {
        Site built = ServerHandle.builtSite();
        assertEquals(java.util.List.of(), built.warnings());
        assertTrue(built.find(ServerHandle.ortWasmPath(built)).orElseThrow().encoded().containsKey("br"),
                "the build's own .br copies decode to their files");
    }

    @Test
    void acceptEncodingHonoursQValuesAndWildcards() {
        assertTrue(AcceptEncoding.accepts("gzip, deflate, br", "br"));
        assertFalse(AcceptEncoding.accepts("gzip, br;q=0", "br"));
        assertTrue(AcceptEncoding.accepts("*", "gzip"));
        assertFalse(AcceptEncoding.accepts("*;q=0, identity", "gzip"));
        assertTrue(AcceptEncoding.accepts("x-gzip", "gzip"));
        assertFalse(AcceptEncoding.accepts(null, "gzip"));
        assertFalse(AcceptEncoding.accepts("BR;Q=0", "br"));
    }
}
