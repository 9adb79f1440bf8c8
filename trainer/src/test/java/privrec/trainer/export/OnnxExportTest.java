package privrec.trainer.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.onnx.proto.OnnxMl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import privrec.core.ItemScorer;
import privrec.core.Profile;
import privrec.trainer.TestData;
import privrec.trainer.model.ModelTrainer;
import privrec.trainer.model.TrainParams;
import privrec.trainer.model.TrainedModel;
import privrec.trainer.model.UserPositives;

class OnnxExportTest {
    private static final int ITEMS = 60;
    private static TrainedModel trained;
    private static TrainedModel float32;
    private static OnnxExport.Exported exported;
    private static List<Profile> profiles;

    @BeforeAll
    static void train() {
        List<UserPositives> users = TestData.clusteredUsers(150, ITEMS, 8, 21);
        TrainParams params = TrainParams.defaults(42).withRank(16);
        float32 = ModelTrainer.train(users, ITEMS, params, "test data", OffsetDateTime.parse("2001-01-01T00:00:00Z"),
                ModelTrainer.Listener.NONE);
        trained = float32.quantized();
        exported = OnnxExport.export(trained.scorer(), trained.profileModel(), new int[]{ITEMS}, "0".repeat(64));
        profiles = new ArrayList<>();
        users.forEach(u -> profiles.add(u.profile()));
    }

    /** The graph under a fixed name plus its external-data chunks, as a release directory holds them. */
    static Map<String, byte[]> parts(OnnxExport.Exported exported) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("model.onnx", exported.bytes());
        parts.putAll(exported.basisChunks());
        return parts;
    }

    @Test
    void onnxRuntimeReproducesTheInMemoryScores() throws Exception {
        Verifier.Result result = Verifier.verify(parts(exported), "model.onnx", trained.scorer(), ITEMS, profiles, 256,
                7, () -> { });
        assertEquals(256, result.rows());
        assertTrue(result.maxAbsDiff() <= Verifier.TOLERANCE, "max abs diff " + result.maxAbsDiff());
    }

    @Test
    void theBasisLivesInExternalChunksWhoseBytesDependOnlyOnTheirRows() throws Exception {
        assertEquals(1, exported.basisChunks().size());
        String name = exported.basisChunks().keySet().iterator().next();
        assertTrue(name.matches("basis-[0-9a-f]{16}\\.bin"), name);
        assertEquals(OnnxExport.sha256Hex(exported.basisChunks().get(name)).substring(0, 16), name.substring(6, 22));
        // Two chunks: the same scores, and the first chunk is the same file whatever follows it.
        OnnxExport.Exported split = OnnxExport.export(trained.scorer(), trained.profileModel(), new int[]{40, 20},
                "0".repeat(64));
        OnnxExport.Exported split2 = OnnxExport.export(trained.scorer(), trained.profileModel(), new int[]{40, 10, 10},
                "0".repeat(64));
        assertEquals(2, split.basisChunks().size());
        assertEquals(split.basisChunks().keySet().iterator().next(), split2.basisChunks().keySet().iterator().next());
        float[] history = new float[ITEMS];
        history[3] = 1f;
        history[50] = 0.5f;
        float[] profile = new float[privrec.core.Encoder.profileWidth()];
        profile[2] = 1f;
        try (OrtScorer one = OrtScorer.ofParts(parts(exported), "model.onnx", ITEMS);
             OrtScorer two = OrtScorer.ofParts(parts(split), "model.onnx", ITEMS)) {
            assertArrayEquals(one.score(history, profile, 1), two.score(history, profile, 1));
        }
        // The graph names no path, only the chunk file next to it.
        for (OnnxMl.TensorProto t : exported.proto().getGraph().getInitializerList()) {
            for (OnnxMl.StringStringEntryProto e : t.getExternalDataList()) {
                if (e.getKey().equals("location")) {
                    assertEquals(name, e.getValue());
                }
            }
        }
    }

    @Test
    void shippedFileCarriesNoTrainingProvenance() throws Exception {
        OnnxMl.ModelProto proto = OnnxMl.ModelProto.parseFrom(exported.bytes());
        assertEquals("", proto.getDocString());
        List<String> keys = new ArrayList<>();
        String user = System.getProperty("user.name");
        String host = java.net.InetAddress.getLocalHost().getHostName();
        for (OnnxMl.StringStringEntryProto entry : proto.getMetadataPropsList()) {
            keys.add(entry.getKey());
            String value = entry.getValue();
            assertFalse(value.contains("/") || value.contains("\\"), entry.getKey() + " looks like a path: " + value);
            assertFalse(value.contains(user), entry.getKey() + " names the user");
            assertFalse(value.contains(host), entry.getKey() + " names the host");
        }
        assertEquals(OnnxExport.METADATA_KEYS, keys);
        String text = new String(exported.bytes(), StandardCharsets.ISO_8859_1);
        for (String leak : List.of("TRIBUO_PROVENANCE", "trained-at", "java-version", "os-name", System.getProperty("user.home"))) {
            assertFalse(text.contains(leak), "file contains " + leak);
        }
    }

    @Test
    void graphHasTheBrowserContract() throws Exception {
        OnnxMl.ModelProto proto = OnnxMl.ModelProto.parseFrom(exported.bytes());
        assertEquals(List.of("history", "profile", "explain_items", "explain_weights", "explain_targets"),
                proto.getGraph().getInputList().stream().map(OnnxMl.ValueInfoProto::getName).toList());
        assertEquals(List.of("scores", "contributions"),
                proto.getGraph().getOutputList().stream().map(OnnxMl.ValueInfoProto::getName).toList());
        for (OnnxMl.NodeProto node : proto.getGraph().getNodeList()) {
            // Operators run by onnxruntime-web 1.30's wasm backend (the Chromium tests and the bench run this graph);
            // the second line is the sparse history part.
            assertTrue(List.of("Gemm", "Mul", "Add", "Gather", "Identity", "Pow", "Cast", "Unsqueeze", "Concat", "Split", "Pad",
                            "NonZero", "Transpose", "GatherND", "Shape", "Range", "Equal", "MatMul")
                    .contains(node.getOpType()), node.getOpType());
        }
        // The two matrices are stored as int8 and the per-item vectors as float16: no float32 tensor holds as many
        // values as there are items. Only d (the per-update vector) is inline; U, r and a' are external.
        int vectors = 0;
        int external = 0;
        for (OnnxMl.TensorProto t : proto.getGraph().getInitializerList()) {
            long size = t.getDimsList().stream().reduce(1L, (x, y) -> x * y);
            if (size > ITEMS) {
                assertEquals(OnnxMl.TensorProto.DataType.INT8.getNumber(), t.getDataType(), t.getName());
            } else if (size == ITEMS) {
                assertEquals(OnnxMl.TensorProto.DataType.FLOAT16.getNumber(), t.getDataType(), t.getName());
                vectors++;
            }
            if (t.getDataLocation() == OnnxMl.TensorProto.DataLocation.EXTERNAL) {
                external++;
            }
        }
        assertEquals(4, vectors, "r, a', d and the MostPopular rates m");
        assertEquals(3, external, "U, r and a'");
        assertTrue(exported.modelId().matches("privrec-[0-9a-f]{16}"));
    }

    @Test
    void onnxRuntimeFoldsEveryRestoringNodeWhenTheSessionStarts() throws Exception {
        java.nio.file.Path optimized = java.nio.file.Files.createTempFile("privrec-optimized-", ".onnx");
        try {
            try (ai.onnxruntime.OrtSession.SessionOptions options = new ai.onnxruntime.OrtSession.SessionOptions()) {
                options.setOptimizedModelFilePath(optimized.toString());
                java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("privrec-fold-");
                for (Map.Entry<String, byte[]> part : parts(exported).entrySet()) {
                    java.nio.file.Files.write(dir.resolve(part.getKey()), part.getValue());
                }
                Ort.environment().createSession(dir.resolve("model.onnx").toString(), options).close();
            }
            OnnxMl.GraphProto graph = OnnxMl.ModelProto.parseFrom(java.nio.file.Files.readAllBytes(optimized)).getGraph();
            for (OnnxMl.NodeProto node : graph.getNodeList()) {
                // The one Cast a run needs: the sparse history part's row mask (bool → float), computed per run.
                assertFalse(node.getOpType().equals("Cast") && !node.getName().equals("nz_row_mask"),
                        "ONNX Runtime left a Cast: " + node.getName());
            }
            for (OnnxMl.TensorProto t : graph.getInitializerList()) {
                assertFalse(t.getDataType() == OnnxMl.TensorProto.DataType.INT8.getNumber()
                        || t.getDataType() == OnnxMl.TensorProto.DataType.FLOAT16.getNumber(),
                        t.getName() + " was not restored to float32 at load");
            }
        } finally {
            java.nio.file.Files.deleteIfExists(optimized);
        }
    }

    /**
     * The history part reads the basis rows of the history's nonzero entries only (NonZero + Gather): users with
     * and without history in one batch, a batch of one empty history, and entries in the last row and column all
     * give the in-memory scores, so the row mask puts every entry in its own user's code.
     */
    @Test
    void sparseHistoryPartMatchesTheInMemoryModelForMixedAndEmptyBatches() throws Exception {
        int rows = 4;
        float[] history = new float[rows * ITEMS];
        history[3] = 1f;
        history[17] = 0.5f;
        // row 1 stays empty: profile only
        history[2 * ITEMS + ITEMS - 1] = 1f;
        history[3 * ITEMS] = 0.25f;
        history[3 * ITEMS + 42] = 1f;
        float[] profile = new float[rows * privrec.core.Encoder.profileWidth()];
        for (int r = 0; r < rows; r++) {
            float[] p = privrec.core.Encoder.encodeProfile(profiles.get(r));
            System.arraycopy(p, 0, profile, r * p.length, p.length);
        }
        try (OrtScorer ort = OrtScorer.ofParts(parts(exported), "model.onnx", ITEMS)) {
            float[] fromOrt = ort.score(history, profile, rows);
            float[] inMemory = trained.scorer().score(history, profile, rows);
            assertEquals(rows * ITEMS, fromOrt.length);
            for (int i = 0; i < fromOrt.length; i++) {
                assertEquals(inMemory[i], fromOrt[i], 1e-5, "row " + i / ITEMS + " column " + i % ITEMS);
            }
            float[] emptyOne = ort.score(new float[ITEMS], java.util.Arrays.copyOf(profile,
                    privrec.core.Encoder.profileWidth()), 1);
            float[] emptyInMemory = trained.scorer().score(new float[ITEMS], java.util.Arrays.copyOf(profile,
                    privrec.core.Encoder.profileWidth()), 1);
            for (int i = 0; i < ITEMS; i++) {
                assertEquals(emptyInMemory[i], emptyOne[i], 1e-5, "empty history, column " + i);
            }
        }
        List<String> ops = new ArrayList<>();
        exported.proto().getGraph().getNodeList().forEach(n -> ops.add(n.getOpType()));
        assertTrue(ops.contains("NonZero"), "history read through NonZero: " + ops);
        assertEquals(1, countGemmsOverTheBasis(exported.proto().getGraph()),
                "exactly one full pass over the basis (the scores), none for the history: " + ops);
    }

    /** Gemm nodes whose second input is the whole basis (the restored {@code ease_u}). */
    private static long countGemmsOverTheBasis(OnnxMl.GraphProto graph) {
        return graph.getNodeList().stream()
                .filter(n -> n.getOpType().equals("Gemm") && n.getInputCount() > 1
                        && n.getInput(1).startsWith(OnnxExport.BASIS + "_"))
                .count();
    }

    @Test
    void explanationOutputEqualsScoringOneLikedMovieAtATime() throws Exception {
        int[] items = {3, 17, 42, 5};
        float[] weights = {1f, 0.33f, 1.67f, 1f};
        int[] targets = {0, 9, 33, 59, 17};
        try (OrtScorer ort = OrtScorer.ofParts(parts(exported), "model.onnx", ITEMS)) {
            float[] direct = ort.contributions(ITEMS, items, weights, targets);
            ItemScorer scoresOnly = ort::score; // the interface's default: one scoring row per liked movie
            float[] longWay = scoresOnly.contributions(ITEMS, items, weights, targets);
            float[] inMemory = trained.scorer().contributions(ITEMS, items, weights, targets);
            assertEquals(items.length * targets.length, direct.length);
            for (int i = 0; i < direct.length; i++) {
                assertEquals(longWay[i], direct[i], 1e-5, "entry " + i);
                assertEquals(inMemory[i], direct[i], 1e-5, "entry " + i);
            }
        }
    }

    @Test
    void quantizationChangesScoresOnlySlightly() {
        float[] history = new float[3 * ITEMS];
        for (int i = 0; i < history.length; i += 7) {
            history[i] = 1f;
        }
        float[] profile = new float[3 * privrec.core.Encoder.profileWidth()];
        float[] exact = float32.scorer().score(history, profile, 3);
        float[] int8 = trained.scorer().score(history, profile, 3);
        double scale = 0;
        double worst = 0;
        for (int i = 0; i < exact.length; i++) {
            scale = Math.max(scale, Math.abs(exact[i]));
            worst = Math.max(worst, Math.abs(exact[i] - int8[i]));
        }
        assertTrue(worst > 0, "quantization changed nothing: the in-memory model is not the quantized one");
        assertTrue(worst < 0.02 * scale, "int8 moved a score by " + worst + " of at most " + scale);
    }

    @Test
    void sameModelExportsToTheSameBytes() {
        OnnxExport.Exported again = OnnxExport.export(trained.scorer(), trained.profileModel(), new int[]{ITEMS},
                "0".repeat(64));
        assertTrue(java.util.Arrays.equals(exported.bytes(), again.bytes()));
        assertEquals(exported.basisChunks().keySet(), again.basisChunks().keySet());
    }
}
