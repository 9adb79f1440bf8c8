package privrec.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormatsTest {
    @Test
    void jsonRoundTripsNestedValues() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("s", "quote \" backslash \\ \u0001 é");
        value.put("i", 42);
        value.put("d", 0.4123);
        value.put("b", true);
        value.put("n", null);
        value.put("list", List.of(1, 2, 3));
        value.put("objects", List.of(Map.of("k", "v")));
        assertEquals(value, Json.parse(Json.write(value), "test"));
    }

    @Test
    void jsonRejectsMalformedInputWithPosition() {
        FormatException e = assertThrows(FormatException.class, () -> Json.parse("{\"a\": 1,}", "m.json"));
        assertTrue(e.getMessage().startsWith("m.json: "), e.getMessage());
        assertThrows(FormatException.class, () -> Json.parse("{\"a\": 1, \"a\": 2}", "m.json"));
        assertThrows(FormatException.class, () -> Json.parse("[1, 2", "m.json"));
        assertThrows(FormatException.class, () -> Json.parse("\"unterminated", "m.json"));
        assertThrows(FormatException.class, () -> Json.parse("{} extra", "m.json"));
    }

    @Test
    void manifestRoundTripsAndChecksVersions() {
        Manifest manifest = sampleManifest(Manifest.FORMAT_VERSION, Encoder.VERSION);
        Manifest back = Manifest.parse(manifest.toJson(), "manifest.json");
        assertEquals(manifest.toJson(), back.toJson());
        back.checkCompatible();
        assertEquals(1234, back.file("model.onnx").bytes());
        assertEquals(List.of("model.onnx", "basis.bin", "catalog.tsv", "catalog-added.tsv"), back.partNames());
        assertEquals(List.of(7), back.withdrawn());
        assertEquals("m-0", back.baseModelId());
        assertEquals("basis.bin", back.basisId());
        String noBase = manifest.toJson().replaceAll(",\\s*\"base\": \"m-0\"", "");
        assertTrue(!noBase.contains("m-0"), noBase);
        assertEquals(null, Manifest.parse(noBase, "manifest.json").baseModelId());
        String unlisted = manifest.toJson().replace("\"name\": \"catalog-added.tsv\"", "\"name\": \"other.tsv\"");
        FormatException u = assertThrows(FormatException.class, () -> Manifest.parse(unlisted, "m").checkCompatible());
        assertTrue(u.getMessage().contains("catalog-added.tsv"), u.getMessage());

        Manifest future = sampleManifest(Manifest.FORMAT_VERSION, Encoder.VERSION + 1);
        FormatException e = assertThrows(IncompatibleVersionException.class, future::checkCompatible);
        assertTrue(e.getMessage().contains("encoder version"), e.getMessage());
        for (int other : new int[]{1, 2, 99}) { // 2: one model file; 1: before the explanation inputs
            String format = manifest.toJson().replace("\"formatVersion\": " + Manifest.FORMAT_VERSION,
                    "\"formatVersion\": " + other);
            assertTrue(format.contains("\"formatVersion\": " + other), "the test edits the format version");
            assertThrows(IncompatibleVersionException.class, () -> Manifest.parse(format, "manifest.json"));
        }
        String missing = manifest.toJson().replace("\"modelId\"", "\"modelIdentifier\"");
        FormatException m = assertThrows(FormatException.class, () -> Manifest.parse(missing, "manifest.json"));
        assertEquals("manifest.json: field \"modelId\" is missing", m.getMessage());
    }

    @Test
    void tensorTypesRoundTripAndOnlyNonFloatOnesAreWritten() {
        Manifest manifest = sampleManifest(Manifest.FORMAT_VERSION, Encoder.VERSION);
        String json = manifest.toJson();
        assertTrue(json.contains("\"type\": \"int32\""), json);
        assertEquals(1, json.split("\"type\"", -1).length - 1, "only the int32 input names its type");
        Manifest back = Manifest.parse(json, "manifest.json");
        assertEquals(Manifest.INT32, back.inputs().get(2).type());
        assertEquals(Manifest.FLOAT32, back.inputs().get(0).type());
        String unknown = json.replace("\"int32\"", "\"int64\"");
        FormatException e = assertThrows(FormatException.class, () -> Manifest.parse(unknown, "manifest.json"));
        assertTrue(e.getMessage().contains("int64"), e.getMessage());
    }

    @Test
    void manifestFileNamesCannotEscapeTheFolder() {
        assertThrows(IllegalArgumentException.class, () -> new Manifest.FileEntry("../x", "0".repeat(64), 1));
        assertThrows(IllegalArgumentException.class, () -> new Manifest.FileEntry("a.onnx", "XYZ", 1));
    }

    static Manifest sampleManifest(int format, int encoder) {
        String hash = "ab".repeat(32);
        return new Manifest(format, encoder, "m-1", "test", "unit", "1998-04-22", "model.onnx", List.of("basis.bin"),
                List.of("catalog.tsv", "catalog-added.tsv"), List.of(7), "basis.bin", "m-0", 3,
                List.of(new Manifest.TensorSpec("history", new int[] {-1, 3}),
                        new Manifest.TensorSpec("profile", new int[] {-1, 30}),
                        new Manifest.TensorSpec("explain_items", new int[] {-1}, Manifest.INT32)),
                List.of(new Manifest.TensorSpec("scores", new int[] {-1, 3})),
                Encoder.PROFILE_FEATURES,
                List.of(new Manifest.FileEntry("model.onnx", hash, 1234), new Manifest.FileEntry("basis.bin", hash, 5),
                        new Manifest.FileEntry("catalog.tsv", hash, 99), new Manifest.FileEntry("catalog-added.tsv", hash, 9)),
                Map.of("recall@20", 0.41), Map.of("rank", 64), Map.of());
    }
}
