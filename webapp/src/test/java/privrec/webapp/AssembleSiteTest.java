package privrec.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** build/assemble-site.mjs ships exactly what models/manifest.json lists, verified, and never provenance.json. */
class AssembleSiteTest {

    @TempDir
    Path tmp;

    @Test
    void shipsOnlyListedModelFilesAndNeverProvenance() throws Exception {
        Path models = models("abc");
        Result r = assemble(models);
        assertEquals(0, r.code, r.output);
        Path out = tmp.resolve("out/models");
        try (var files = Files.list(out)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".gz") && !n.endsWith(".br"))
                    .sorted().toList();
            assertEquals(List.of("catalog.tsv", "manifest.json", "model.onnx"), names);
        }
        assertFalse(Files.exists(out.resolve("provenance.json")));
        assertTrue(r.output.contains("not shipping provenance.json"), r.output);
    }

    @Test
    void aFileThatDoesNotMatchTheManifestFailsTheBuild() throws Exception {
        Path models = models("abc");
        Files.writeString(models.resolve("model.onnx"), "abd"); // same size, other bytes
        Result r = assemble(models);
        assertEquals(2, r.code, r.output);
        assertTrue(r.output.contains("models/model.onnx: sha256"), r.output);
    }

    private Path models(String model) throws IOException {
        Path m = Files.createDirectories(tmp.resolve("models"));
        Files.writeString(m.resolve("model.onnx"), model);
        Files.writeString(m.resolve("catalog.tsv"), "id\ttitle\n");
        Files.writeString(m.resolve("provenance.json"), "{\"host\":\"trainer-laptop\"}");
        Files.writeString(m.resolve("notes.txt"), "not listed");
        Files.writeString(m.resolve("manifest.json"), "{\"formatVersion\":1,\"files\":["
                + entry("model.onnx", model) + "," + entry("catalog.tsv", "id\ttitle\n")
                + ",{\"name\":\"provenance.json\"}]}");
        return m;
    }

    private static String entry(String name, String content) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        return "{\"name\":\"" + name + "\",\"sha256\":\"" + Site.sha256Hex(b) + "\",\"bytes\":" + b.length + "}";
    }

    private record Result(int code, String output) {
    }

    /** Runs the build script as Maven does (working directory = webapp/), on the TeaVM output of this build. */
    private Result assemble(Path models) throws Exception {
        Path app = Path.of("target/teavm/app.js");
        assertTrue(Files.exists(app), "run through Maven: needs " + app.toAbsolutePath());
        Process p = new ProcessBuilder("node", "build/assemble-site.mjs", "--app=" + app, "--static=src/main/site",
                "--node-modules=node_modules", "--models=" + models, "--out=" + tmp.resolve("out"),
                "--cache=node_modules/.cache/privrec-precompress") // the build's content-keyed cache: safe to share
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        return new Result(p.exitValue(), output);
    }
}
