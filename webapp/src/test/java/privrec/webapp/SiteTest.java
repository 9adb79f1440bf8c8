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
    void siblingsBecomeEncodingsAndReplacedFilesLoseStaleOnes() {
        Site site = Site.fromFiles(Map.of("a.js", new byte[] {1}, "a.js.gz", new byte[] {2}, "a.js.br", new byte[] {3},
                "b.txt.gz", new byte[] {4}));
        assertEquals(java.util.List.of("a.js", "b.txt.gz"), site.paths(), "a .gz without its base is a plain file");
        assertEquals(2, site.find("a.js").orElseThrow().encoded().size());
        Site replaced = site.withFiles(Map.of("a.js", new byte[] {9}));
        assertTrue(replaced.find("a.js").orElseThrow().encoded().isEmpty(), "old compressed copies would serve old bytes");
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
