package privrec.webapp.scenarios;

import ai.onnx.proto.OnnxMl;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import privrec.core.Catalog;
import privrec.core.CatalogFormat;
import privrec.core.Encoder;
import privrec.core.Item;
import privrec.core.Json;
import privrec.webapp.ServerHandle;

/**
 * A small model the app accepts exactly like the trainer's (same tensor names, manifest format and profile
 * features), so HtmlUnit scenarios that are not about the model itself load in seconds instead of the ~20 s the
 * 1,700-movie model takes in interpreted page JavaScript. {@code scores = history·W + profile·P + b}, written with
 * Tribuo's ONNX writer (IR 6, opset 13 like the trainer's export); titles, years and genres are the first
 * {@code items} rows of the built site's real catalog unless a test replaces a title.
 *
 * <p>A release in manifest format 3 like the trainer's: the graph {@code model-<hash>.onnx}, whose large tensor W
 * lives in the external data file {@code basis-<hash>.bin} (as the trainer's item basis does, so the page hands
 * onnxruntime-web — here the bridge — external data), and {@code catalog-<hash>.tsv}. {@link #overrides()} gives the
 * three parts and {@code models/manifest.json} for {@link ServerHandle#startWith}; the manifest carries their real
 * SHA-256 and size. {@link #withdrawing} gives the next release, which shares the basis and catalog byte for byte.
 */
final class MiniModel {
    static final int DEFAULT_ITEMS = 60;

    final int items;
    final byte[] model;
    final byte[] basis;
    final byte[] catalog;
    final byte[] manifest;
    final String modelFile;
    final String basisFile;
    final String catalogFile;
    /** The catalog's items (index = row): the real catalog's first rows, titles possibly replaced. */
    final List<Item> rows;
    final List<Integer> withdrawn;

    private MiniModel(int items, Weights weights, float bias, byte[] catalog, List<Item> rows, List<Integer> withdrawn,
                      String baseModelId) {
        this.items = items;
        this.basis = weights.historyBytes();
        this.basisFile = partName("basis", basis, "bin");
        this.model = onnx(items, weights, bias, basisFile);
        this.catalog = catalog;
        this.modelFile = partName("model", model, "onnx");
        this.catalogFile = partName("catalog", catalog, "tsv");
        this.rows = rows;
        this.withdrawn = List.copyOf(withdrawn);
        this.manifest = manifestFor(this, "privrec-test-mini-" + items + "-" + sha256(model).substring(0, 8),
                baseModelId);
    }

    private static String partName(String role, byte[] content, String extension) {
        return privrec.core.Manifest.partName(role, sha256(content), extension);
    }

    static MiniModel standard() {
        return build(DEFAULT_ITEMS, i -> null);
    }

    /**
     * @param titleOf replacement title for row i, or null to keep the real one (tab/newline/backslash must not occur)
     */
    static MiniModel build(int items, IntFunction<String> titleOf) {
        Catalog real = realCatalog();
        List<Item> rows = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            Item r = real.get(i);
            String title = titleOf.apply(i);
            rows.add(title == null ? r : new Item(r.index(), r.id(), title, r.year(), r.genreMask(), r.popularity()));
        }
        byte[] catalog = CatalogFormat.write(new Catalog(rows)).getBytes(StandardCharsets.UTF_8);
        return new MiniModel(items, Weights.random(items), 1f, catalog, rows, List.of(), null);
    }

    /**
     * The next release, as `trainer update` would publish it: the same basis and catalog parts, a new graph (another
     * bias, so its bytes and name differ) and the movies {@code movieIds} withdrawn.
     */
    MiniModel withdrawing(List<Integer> movieIds) {
        return new MiniModel(items, Weights.random(items), 0.5f, catalog, rows, movieIds,
                (String) Json.parseObject(new String(manifest, StandardCharsets.UTF_8), "manifest").get("modelId"));
    }

    /** The manifest and the three parts, added to the built site (whose own parts stay, unnamed by this manifest). */
    Map<String, byte[]> overrides() {
        return Map.of("models/manifest.json", manifest, "models/" + modelFile, model, "models/" + basisFile, basis,
                "models/" + catalogFile, catalog);
    }

    int idAt(int row) {
        return rows.get(row).id();
    }

    String titleAt(int row) {
        return rows.get(row).title();
    }

    /** The built site's catalog (its chunks joined, as the app joins them). */
    @SuppressWarnings("unchecked")
    static Catalog realCatalog() {
        List<Item> items = new ArrayList<>();
        for (Object name : (List<Object>) builtManifest().get("catalogFiles")) {
            String text = new String(ServerHandle.builtSite().find("models/" + name).orElseThrow().content(),
                    StandardCharsets.UTF_8);
            for (Item item : CatalogFormat.parse(text, (String) name).items()) {
                items.add(new Item(items.size(), item.id(), item.title(), item.year(), item.genreMask(),
                        item.popularity()));
            }
        }
        return new Catalog(items);
    }

    static Map<String, Object> builtManifest() {
        String text = new String(ServerHandle.builtSite().find("models/manifest.json").orElseThrow().content(),
                StandardCharsets.UTF_8);
        return new LinkedHashMap<>(Json.parseObject(text, "manifest.json"));
    }

    /**
     * The built site's manifest with the parts (names, sha256, bytes), item count, tensor shapes, withdrawn movies,
     * release and id replaced: what a trainer would publish for these parts.
     */
    private static byte[] manifestFor(MiniModel m, String modelId, String baseModelId) {
        Map<String, Object> root = builtManifest();
        root.put("modelId", modelId);
        root.put("itemCount", m.items);
        root.put("inputs", List.of(tensor("history", m.items), tensor("profile", Encoder.profileWidth())));
        root.put("outputs", List.of(tensor("scores", m.items)));
        root.put("modelFile", m.modelFile);
        root.put("modelData", List.of(m.basisFile));
        root.put("catalogFiles", List.of(m.catalogFile));
        root.put("withdrawn", new ArrayList<Object>(m.withdrawn));
        Map<String, Object> release = new LinkedHashMap<>();
        release.put("basis", m.basisFile);
        if (baseModelId != null) {
            release.put("base", baseModelId);
        }
        root.put("release", release);
        List<Object> files = new ArrayList<>();
        files.add(fileEntry(m.modelFile, m.model));
        files.add(fileEntry(m.basisFile, m.basis));
        files.add(fileEntry(m.catalogFile, m.catalog));
        root.put("files", files);
        return (Json.write(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The built site's manifest with one file's sha256 and size replaced (e.g. a catalog edited by a test). */
    @SuppressWarnings("unchecked")
    static byte[] manifestWithFile(String name, byte[] content) {
        String text = new String(ServerHandle.builtSite().find("models/manifest.json").orElseThrow().content(),
                StandardCharsets.UTF_8);
        Map<String, Object> root = new LinkedHashMap<>(Json.parseObject(text, "manifest.json"));
        List<Object> files = new ArrayList<>();
        for (Object f : (List<Object>) root.get("files")) {
            Map<String, Object> entry = (Map<String, Object>) f;
            files.add(name.equals(entry.get("name")) ? fileEntry(name, content) : entry);
        }
        root.put("files", files);
        return (Json.write(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> tensor(String name, int width) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", name);
        t.put("shape", List.of(-1, width));
        return t;
    }

    private static Map<String, Object> fileEntry(String name, byte[] content) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("sha256", sha256(content));
        f.put("bytes", content.length);
        return f;
    }

    static String sha256(byte[] content) {
        return privrec.webapp.Site.sha256Hex(content);
    }

    /** W (items × items) and P (profile × items), from a fixed seed. */
    private record Weights(float[] w, float[] p) {
        static Weights random(int items) {
            int profile = Encoder.profileWidth();
            Random random = new Random(7);
            float[] w = new float[items * items];
            for (int i = 0; i < items; i++) {
                for (int j = 0; j < items; j++) {
                    w[i * items + j] = i == j ? 0f : (float) (random.nextGaussian() * 0.3);
                }
            }
            float[] p = new float[profile * items];
            for (int k = 0; k < p.length; k++) {
                p[k] = (float) (random.nextGaussian() * 0.2);
            }
            return new Weights(w, p);
        }

        /** W as ONNX stores raw float data: little-endian float32, row-major. */
        byte[] historyBytes() {
            java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(w.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            out.asFloatBuffer().put(w);
            return out.array();
        }
    }

    /**
     * {@code scores = history·W + profile·P + b}; item i's bias falls with i (row order = popularity-ish), scaled by
     * {@code bias}. W is stored as external data in {@code basisFile} (offset 0, its whole length).
     */
    private static byte[] onnx(int items, Weights weights, float bias, String basisFile) {
        int profile = Encoder.profileWidth();
        float[] w = weights.w();
        float[] p = weights.p();
        float[] b = new float[items];
        float[] zero = new float[items];
        for (int j = 0; j < items; j++) {
            b[j] = bias * (1f - j / (float) items);
        }
        ONNXContext ctx = new ONNXContext();
        ctx.setName("privrec-test-mini");
        ONNXPlaceholder history = ctx.floatInput("history", items);
        ONNXPlaceholder profileIn = ctx.floatInput("profile", profile);
        ONNXPlaceholder scores = ctx.floatOutput("scores", items);
        ONNXInitializer wT = ctx.floatTensor("W", List.of(items, items), buf -> buf.put(w));
        ONNXInitializer pT = ctx.floatTensor("P", List.of(profile, items), buf -> buf.put(p));
        ONNXInitializer bT = ctx.floatTensor("B", List.of(items), buf -> buf.put(b));
        ONNXInitializer zT = ctx.floatTensor("Z", List.of(items), buf -> buf.put(zero));
        ONNXNode fromHistory = ctx.operation(ONNXOperators.GEMM, List.of(history, wT, zT), "gemm_history", Map.of());
        ONNXNode fromProfile = ctx.operation(ONNXOperators.GEMM, List.of(profileIn, pT, bT), "gemm_profile", Map.of());
        ONNXNode sum = ctx.operation(ONNXOperators.ADD, List.of(fromHistory, fromProfile), "add", Map.of());
        sum.assignTo(scores);
        OnnxMl.GraphProto.Builder graph = ctx.buildGraph().toBuilder();
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            if (graph.getInitializer(i).getName().equals("W")) {
                graph.setInitializer(i, graph.getInitializer(i).toBuilder().clearFloatData().clearRawData()
                        .setDataLocation(OnnxMl.TensorProto.DataLocation.EXTERNAL)
                        .addExternalData(entry("location", basisFile))
                        .addExternalData(entry("offset", "0"))
                        .addExternalData(entry("length", String.valueOf(w.length * 4L))));
            }
        }
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(6)
                .setProducerName("privrec-webapp-tests")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setVersion(13).build())
                .setGraph(graph)
                .build()
                .toByteArray();
    }

    private static OnnxMl.StringStringEntryProto entry(String key, String value) {
        return OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }
}
