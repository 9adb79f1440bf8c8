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
 * <p>{@link #overrides()} gives {@code models/manifest.json}, {@code models/model.onnx} and {@code models/catalog.tsv}
 * for {@link ServerHandle#startWith}: the manifest carries the real SHA-256 and size of the other two.
 */
final class MiniModel {
    static final int DEFAULT_ITEMS = 60;

    final int items;
    final byte[] model;
    final byte[] catalog;
    final byte[] manifest;
    /** The catalog's items (index = row): the real catalog's first rows, titles possibly replaced. */
    final List<Item> rows;

    private MiniModel(int items, byte[] model, byte[] catalog, byte[] manifest, List<Item> rows) {
        this.items = items;
        this.model = model;
        this.catalog = catalog;
        this.manifest = manifest;
        this.rows = rows;
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
        byte[] model = onnx(items);
        return new MiniModel(items, model, catalog, manifestFor(items, model, catalog, "privrec-test-mini-" + items), rows);
    }

    /** The three model files of the site, replaced. */
    Map<String, byte[]> overrides() {
        return Map.of("models/manifest.json", manifest, "models/model.onnx", model, "models/catalog.tsv", catalog);
    }

    int idAt(int row) {
        return rows.get(row).id();
    }

    String titleAt(int row) {
        return rows.get(row).title();
    }

    /** The built site's catalog. */
    static Catalog realCatalog() {
        String text = new String(ServerHandle.builtSite().find("models/catalog.tsv").orElseThrow().content(),
                StandardCharsets.UTF_8);
        return CatalogFormat.parse(text, "catalog.tsv");
    }

    /**
     * The built site's manifest with the model and catalog entries (sha256, bytes), item count, tensor shapes and
     * id replaced: what a trainer would publish for these two files.
     */
    @SuppressWarnings("unchecked")
    static byte[] manifestFor(int items, byte[] model, byte[] catalog, String modelId) {
        String text = new String(ServerHandle.builtSite().find("models/manifest.json").orElseThrow().content(),
                StandardCharsets.UTF_8);
        Map<String, Object> root = new LinkedHashMap<>(Json.parseObject(text, "manifest.json"));
        root.put("modelId", modelId);
        root.put("itemCount", items);
        root.put("inputs", List.of(tensor("history", items), tensor("profile", Encoder.profileWidth())));
        root.put("outputs", List.of(tensor("scores", items)));
        String modelFile = (String) root.get("modelFile");
        String catalogFile = (String) root.get("catalogFile");
        List<Object> files = new ArrayList<>();
        files.add(fileEntry(modelFile, model));
        files.add(fileEntry(catalogFile, catalog));
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

    /** {@code scores = history·W + profile·P + b}; fixed seed, item i's bias falls with i (row order = popularity-ish). */
    private static byte[] onnx(int items) {
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
        float[] b = new float[items];
        float[] zero = new float[items];
        for (int j = 0; j < items; j++) {
            b[j] = 1f - j / (float) items;
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
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(6)
                .setProducerName("privrec-webapp-tests")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setVersion(13).build())
                .setGraph(ctx.buildGraph())
                .build()
                .toByteArray();
    }
}
