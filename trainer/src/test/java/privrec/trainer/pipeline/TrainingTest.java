package privrec.trainer.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import privrec.core.Manifest;
import privrec.trainer.TestData;
import privrec.trainer.export.OnnxExport;
import privrec.trainer.model.Interactions;
import privrec.trainer.model.TrainParams;

class TrainingTest {
    private static Training.Result train() throws Exception {
        Interactions data = Interactions.of(TestData.smallSynthetic(5));
        return Training.run(data, new Training.Options(TrainParams.defaults(42).withRank(24), 1, 200), Progress.NONE);
    }

    @Test
    void twoTrainingsOnTheSameDataGiveIdenticalBytes() throws Exception {
        Training.Result first = train();
        Training.Result second = train();
        assertEquals(first.files().keySet(), second.files().keySet());
        for (String name : first.files().keySet()) {
            assertArrayEquals(first.files().get(name), second.files().get(name), name + " differs between runs");
        }
    }

    @Test
    void manifestHashesTheShippedFilesAndOnlyReferencesProvenanceByHash(@TempDir Path out) throws Exception {
        Training.Result result = train();
        Training.write(out, result);
        Manifest manifest = Manifest.parse(Files.readString(out.resolve(Training.MANIFEST_FILE)), "manifest.json");
        manifest.checkCompatible();
        assertEquals(privrec.core.Encoder.VERSION, manifest.encoderVersion());
        assertTrue(manifest.algorithm().contains("graded"), manifest.algorithm());
        assertEquals(manifest.partNames(), manifest.files().stream().map(Manifest.FileEntry::name).toList());
        assertEquals(3, manifest.partNames().size(), "graph, one basis chunk, one catalog chunk");
        assertEquals(manifest.modelData().get(0), manifest.basisId());
        assertEquals(null, manifest.baseModelId(), "a full train starts a new basis");
        for (Manifest.FileEntry entry : manifest.files()) {
            byte[] bytes = Files.readAllBytes(out.resolve(entry.name()));
            assertEquals(entry.sha256(), OnnxExport.sha256Hex(bytes));
            assertEquals(entry.bytes(), bytes.length);
            assertTrue(entry.name().contains("-" + entry.sha256().substring(0, 16) + "."), "named by content: " + entry.name());
        }
        byte[] provenance = Files.readAllBytes(out.resolve(Training.PROVENANCE_FILE));
        assertEquals(OnnxExport.sha256Hex(provenance), manifest.training().get("provenanceSha256"));
        String text = new String(provenance, StandardCharsets.UTF_8);
        assertFalse(text.contains(System.getProperty("user.home")), "provenance names a home directory");
        Map<String, Object> record = privrec.core.Json.parseObject(text, "provenance.json");
        Map<?, ?> tribuo = (Map<?, ?>) record.get("tribuoProvenance");
        assertTrue(tribuo.containsKey("trainer"), "Tribuo provenance is kept");
        assertFalse(tribuo.containsKey("trained-at") || tribuo.containsKey("os-name") || tribuo.containsKey("java-version"),
                "machine and wall-clock fields are stripped");
        assertTrue(((Map<?, ?>) manifest.metrics().get("model")).containsKey("ndcg@100"));
        // The temporary directory is gone.
        try (var listing = Files.list(out)) {
            assertEquals(5, listing.count());
        }
        // A second release into the same folder removes the first one's parts, and only those.
        Files.writeString(out.resolve("notes.txt"), "kept");
        Files.write(out.resolve("model-0123456789abcdef.onnx"), new byte[]{1});
        Training.write(out, result);
        assertFalse(Files.exists(out.resolve("model-0123456789abcdef.onnx")), "a stale part is removed");
        assertTrue(Files.exists(out.resolve("notes.txt")));
    }

    /**
     * The browser reads basis rows from the chunk file by its header ({@code BasisChunk}); they are the rows the
     * trainer's model holds, so a report made in the browser is the projection the trainer's code computes. The
     * manifest carries the contribution terms, with C from the training users.
     */
    @Test
    void basisChunkHeaderGivesTheModelsRowsAndTheManifestCarriesTheTerms() throws Exception {
        Training.Result result = train();
        Manifest manifest = Manifest.parse(new String(result.files().get(Training.MANIFEST_FILE), StandardCharsets.UTF_8),
                "manifest.json");
        privrec.core.privacy.BasisChunk chunk = privrec.core.privacy.BasisChunk.parse(
                privrec.core.privacy.ByteSource.of(result.files().get(manifest.modelData().get(0))), "basis");
        privrec.trainer.model.CollaborativeFactors f = result.model().scorer().collab();
        assertEquals(f.itemCount(), chunk.rows());
        assertEquals(f.rank(), chunk.rank());
        for (int j = 0; j < f.itemCount(); j++) {
            assertEquals(f.rowScale()[j], chunk.rowScale(j), 0f, "row scale " + j);
            for (int i = 0; i < f.rank(); i++) {
                assertEquals((int) f.u()[j * f.rank() + i], chunk.code(j, i));
            }
        }
        privrec.core.privacy.ContributionPolicy terms = privrec.core.privacy.ContributionPolicy.of(manifest);
        assertEquals(f.rank(), terms.rank());
        assertEquals(f.inputPower(), terms.inputPower(), 0);
        assertTrue(terms.clip() > 0 && terms.allows(terms.epsilon()));
    }
}
