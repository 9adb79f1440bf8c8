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

/** A published model (manifest, model bytes, catalog) served by a {@link RecordingHttp} under "models/". */
final class ModelFixture {
    static final String BASE = "models/";
    static final int ITEMS = 3;

    byte[] model = "onnx-model-v1".getBytes(StandardCharsets.UTF_8);
    byte[] catalog = CatalogFormat.write(catalog()).getBytes(StandardCharsets.UTF_8);
    int encoderVersion = Encoder.VERSION;
    String modelFile = "model.onnx";
    String catalogFile = "catalog.tsv";

    static Catalog catalog() {
        return new Catalog(List.of(new Item(0, 1, "Toy Story", 1995, 0, 10),
                new Item(1, 2, "GoldenEye", 1995, 0, 5), new Item(2, 3, "Four Rooms", 1995, 0, 1)));
    }

    Manifest manifest() {
        List<Manifest.FileEntry> files = new ArrayList<>();
        files.add(new Manifest.FileEntry(modelFile, JdkSha256.of(model), model.length));
        files.add(new Manifest.FileEntry(catalogFile, JdkSha256.of(catalog), catalog.length));
        int width = Encoder.profileWidth();
        return new Manifest(Manifest.FORMAT_VERSION, encoderVersion, "m-" + JdkSha256.of(model).substring(0, 8),
                "test model", "test data", "2026-11-01", modelFile, catalogFile, ITEMS,
                List.of(new Manifest.TensorSpec(Manifest.HISTORY_INPUT, new int[]{-1, ITEMS}),
                        new Manifest.TensorSpec(Manifest.PROFILE_INPUT, new int[]{-1, width})),
                List.of(new Manifest.TensorSpec(Manifest.SCORES_OUTPUT, new int[]{-1, ITEMS})),
                Encoder.PROFILE_FEATURES, files, Map.of(), Map.of());
    }

    /** Serves the current manifest and files (the manifest's hashes are those of the current bytes). */
    void publish(RecordingHttp http) {
        publish(http, manifest());
    }

    /** Serves {@code manifest} with the current file bytes, which need not match it. */
    void publish(RecordingHttp http, Manifest manifest) {
        http.files.clear();
        http.serve(BASE + CachingModelLoader.MANIFEST_FILE, manifest.toJson().getBytes(StandardCharsets.UTF_8));
        http.serve(BASE + modelFile, model);
        http.serve(BASE + catalogFile, catalog);
    }
}
