package privrec.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The site built by a normal build carries no benchmark code: {@code window.privrecBench} and the per-movie
 * comparison exist only in the bench build ({@code mvn -Pbench}, {@code scripts/bench.sh}), and no test tool
 * (axe-core) is ever shipped.
 */
class ProductionBundleTest {
    @Test
    void theAppBundleHasNoBenchmarkHooks() {
        Site site = Site.fromClasspath();
        List<String> bundles = site.paths().stream().filter(p -> p.matches("app-[0-9a-f]+\\.js")).toList();
        assertEquals(1, bundles.size(), "one app bundle: " + site.paths());
        String js = new String(site.find(bundles.get(0)).orElseThrow().content(), StandardCharsets.UTF_8);
        assertTrue(js.contains("Private movie picks"), "this is the app bundle");
        // V8's explicit compile hint must be the bundle's first line to count (docs/browser-speed.md).
        assertTrue(js.startsWith("//# allFunctionsCalledOnLoad\n"), "the bundle starts with the compile hint");
        assertFalse(js.contains("privrecBench"), "window.privrecBench is bench-build only");
        assertFalse(js.contains("compareNaive"), "the naive comparison is bench-build only");
        assertTrue(site.paths().stream().noneMatch(p -> p.contains("axe")), "axe-core is for tests only");
    }
}
