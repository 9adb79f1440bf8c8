package privrec.client.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import privrec.core.Catalog;
import privrec.core.CatalogFormat;
import privrec.core.Encoder;
import privrec.core.Item;
import privrec.core.Manifest;

/**
 * A published release in format 3 — a graph, item basis chunks (its external data) and catalog chunks, each named
 * by its content hash — served by a {@link RecordingHttp} under "models/". {@link #update} plays `trainer update`:
 * a new graph, the old chunks kept byte for byte and one more of each for the movies it adds.
 */
final class ModelFixture {
    static final String BASE = "models/";
    static final int ITEMS = 3;

    byte[] model = "onnx-model-v1".getBytes(StandardCharsets.UTF_8);
    final List<byte[]> basis = new ArrayList<>(List.of("basis-chunk-0: 3 rows".getBytes(StandardCharsets.UTF_8)));
    final List<byte[]> catalogs = new ArrayList<>(List.of(CatalogFormat.write(catalog()).getBytes(StandardCharsets.UTF_8)));
    final List<Integer> withdrawn = new ArrayList<>();
    /** The manifest's contributions terms; empty = the release accepts none. */
    final Map<String, Object> contributions = new java.util.LinkedHashMap<>();
    int encoderVersion = Encoder.VERSION;
    String baseModelId;
    int itemCount = ITEMS;

    static Catalog catalog() {
        return new Catalog(List.of(new Item(0, 1, "Toy Story", 1995, 0, 10),
                new Item(1, 2, "GoldenEye", 1995, 0, 5), new Item(2, 3, "Four Rooms", 1995, 0, 1)));
    }

    static String name(String role, byte[] bytes, String extension) {
        return Manifest.partName(role, JdkSha256.of(bytes), extension);
    }

    String modelFile() {
        return name(Manifest.MODEL_ROLE, model, "onnx");
    }

    List<String> basisFiles() {
        return basis.stream().map(b -> name(Manifest.BASIS_ROLE, b, "bin")).toList();
    }

    List<String> catalogFiles() {
        return catalogs.stream().map(c -> name(Manifest.CATALOG_ROLE, c, "tsv")).toList();
    }

    /** The catalog file of chunk {@code i}. */
    String catalogFile(int i) {
        return catalogFiles().get(i);
    }

    /**
     * The next release: graph {@code graph}, the same chunks plus one basis chunk and one catalog chunk for
     * {@code added} (ids), and {@code withdrawn} no longer offered.
     */
    void update(String graph, List<Integer> added, List<Integer> withdrawnIds) {
        baseModelId = manifest().modelId();
        model = graph.getBytes(StandardCharsets.UTF_8);
        basis.add(("basis-chunk-" + basis.size() + ": " + added.size() + " rows").getBytes(StandardCharsets.UTF_8));
        List<Item> items = new ArrayList<>();
        for (int id : added) {
            items.add(new Item(items.size(), id, "Added movie " + id, 1998, 0, 0));
        }
        catalogs.add(CatalogFormat.write(new Catalog(items)).getBytes(StandardCharsets.UTF_8));
        itemCount += added.size();
        withdrawn.clear();
        withdrawn.addAll(withdrawnIds);
    }

    Manifest manifest() {
        List<Manifest.FileEntry> files = new ArrayList<>();
        files.add(entry(modelFile(), model));
        for (int i = 0; i < basis.size(); i++) {
            files.add(entry(basisFiles().get(i), basis.get(i)));
        }
        for (int i = 0; i < catalogs.size(); i++) {
            files.add(entry(catalogFile(i), catalogs.get(i)));
        }
        int width = Encoder.profileWidth();
        return new Manifest(Manifest.FORMAT_VERSION, encoderVersion, "m-" + JdkSha256.of(model).substring(0, 8),
                "test model", "test data", "2026-11-01", modelFile(), basisFiles(), catalogFiles(), withdrawn,
                basisFiles().get(0), baseModelId, itemCount,
                List.of(new Manifest.TensorSpec(Manifest.HISTORY_INPUT, new int[]{-1, itemCount}),
                        new Manifest.TensorSpec(Manifest.PROFILE_INPUT, new int[]{-1, width})),
                List.of(new Manifest.TensorSpec(Manifest.SCORES_OUTPUT, new int[]{-1, itemCount})),
                Encoder.PROFILE_FEATURES, files, Map.of(), Map.of(), contributions);
    }

    private static Manifest.FileEntry entry(String name, byte[] bytes) {
        return new Manifest.FileEntry(name, JdkSha256.of(bytes), bytes.length);
    }

    /** Serves the current manifest and parts (the manifest's hashes are those of the current bytes). */
    void publish(RecordingHttp http) {
        publish(http, manifest());
    }

    /**
     * Serves {@code manifest}, and each current part under the name the manifest gives the part at the same place
     * (so a part's bytes may differ from what the manifest promises).
     */
    void publish(RecordingHttp http, Manifest manifest) {
        http.files.clear();
        http.serve(BASE + CachingModelLoader.MANIFEST_FILE, manifest.toJson().getBytes(StandardCharsets.UTF_8));
        http.serve(BASE + manifest.modelFile(), model);
        for (int i = 0; i < basis.size(); i++) {
            http.serve(BASE + manifest.modelData().get(i), basis.get(i));
        }
        for (int i = 0; i < catalogs.size(); i++) {
            http.serve(BASE + manifest.catalogFiles().get(i), catalogs.get(i));
        }
    }
}
