package privrec.trainer.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import ai.onnx.proto.OnnxMl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import privrec.core.Profile;
import privrec.trainer.TestData;
import privrec.trainer.model.ModelTrainer;
import privrec.trainer.model.TrainParams;
import privrec.trainer.model.TrainedModel;
import privrec.trainer.model.UserPositives;

class OnnxExportTest {
    private static final int ITEMS = 60;
    private static TrainedModel trained;
    private static OnnxExport.Exported exported;
    private static List<Profile> profiles;

    @BeforeAll
    static void train() {
        List<UserPositives> users = TestData.clusteredUsers(150, ITEMS, 8, 21);
        TrainParams params = TrainParams.defaults(42).withRank(16);
        trained = ModelTrainer.train(users, ITEMS, params, "test data", OffsetDateTime.parse("2001-01-01T00:00:00Z"),
                ModelTrainer.Listener.NONE);
        exported = OnnxExport.export(trained.scorer(), trained.profileModel(), "0".repeat(64));
        profiles = new ArrayList<>();
        users.forEach(u -> profiles.add(u.profile()));
    }

    @Test
    void onnxRuntimeReproducesTheInMemoryScores() throws Exception {
        Verifier.Result result = Verifier.verify(exported.bytes(), trained.scorer(), ITEMS, profiles, 256, 7, () -> { });
        assertEquals(256, result.rows());
        assertTrue(result.maxAbsDiff() <= Verifier.TOLERANCE, "max abs diff " + result.maxAbsDiff());
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
        assertEquals(List.of("history", "profile"), proto.getGraph().getInputList().stream().map(OnnxMl.ValueInfoProto::getName).toList());
        assertEquals(List.of("scores"), proto.getGraph().getOutputList().stream().map(OnnxMl.ValueInfoProto::getName).toList());
        for (OnnxMl.NodeProto node : proto.getGraph().getNodeList()) {
            assertTrue(List.of("Gemm", "Mul", "Add", "Gather", "Identity", "Pow").contains(node.getOpType()), node.getOpType());
        }
        assertTrue(exported.modelId().matches("privrec-[0-9a-f]{16}"));
    }

    @Test
    void sameModelExportsToTheSameBytes() {
        OnnxExport.Exported again = OnnxExport.export(trained.scorer(), trained.profileModel(), "0".repeat(64));
        assertTrue(java.util.Arrays.equals(exported.bytes(), again.bytes()));
    }
}
