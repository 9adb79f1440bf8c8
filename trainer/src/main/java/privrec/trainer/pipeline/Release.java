package privrec.trainer.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import privrec.core.Manifest;
import privrec.trainer.export.ArtifactWriter;
import privrec.trainer.export.OnnxExport;
import privrec.trainer.export.ProvenanceRecord;
import privrec.trainer.model.TrainedModel;

/**
 * A release's parts in memory, each named by its content ({@link Manifest#partName}): the graph, the basis chunks it
 * reads as external data, the catalog chunks, and the training record ({@code provenance.json}, which is never
 * served). {@link #files} adds the manifest last.
 */
final class Release {
    private final String modelId;
    private final String modelFile;
    private final Map<String, byte[]> modelParts;
    private final List<String> basisChunks;
    private final Map<String, byte[]> catalogs;
    private final byte[] provenance;

    private Release(String modelId, String modelFile, Map<String, byte[]> modelParts, List<String> basisChunks,
                    Map<String, byte[]> catalogs, byte[] provenance) {
        this.modelId = modelId;
        this.modelFile = modelFile;
        this.modelParts = modelParts;
        this.basisChunks = basisChunks;
        this.catalogs = catalogs;
        this.provenance = provenance;
    }

    /**
     * Exports {@code trained}; puts the hash of the full training record into {@code training} (the record itself,
     * with Tribuo's provenance, goes to provenance.json).
     *
     * @param chunkSizes    basis rows per external-data chunk
     * @param catalogChunks catalog files, whose rows run on in order
     */
    static Release build(TrainedModel trained, int[] chunkSizes, List<byte[]> catalogChunks,
                         Map<String, Object> training) {
        String provenanceText = ProvenanceRecord.toJson(training, trained.profileModel().getProvenance());
        byte[] provenance = provenanceText.getBytes(StandardCharsets.UTF_8);
        String provenanceSha = OnnxExport.sha256Hex(provenance);
        training.put("provenanceSha256", provenanceSha);
        OnnxExport.Exported exported = OnnxExport.export(trained.scorer(), trained.profileModel(), chunkSizes,
                provenanceSha);
        String modelFile = Manifest.partName(Manifest.MODEL_ROLE, OnnxExport.sha256Hex(exported.bytes()), "onnx");
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put(modelFile, exported.bytes());
        parts.putAll(exported.basisChunks());
        Map<String, byte[]> catalogs = new LinkedHashMap<>();
        for (byte[] chunk : catalogChunks) {
            String name = Manifest.partName(Manifest.CATALOG_ROLE, OnnxExport.sha256Hex(chunk), "tsv");
            if (catalogs.put(name, chunk) != null) {
                throw new IllegalStateException("two catalog chunks have the same bytes");
            }
        }
        return new Release(exported.modelId(), modelFile, parts, new ArrayList<>(exported.basisChunks().keySet()),
                catalogs, provenance);
    }

    String modelId() {
        return modelId;
    }

    String modelFile() {
        return modelFile;
    }

    /** The graph and its external data: what ONNX Runtime loads. */
    Map<String, byte[]> modelParts() {
        return modelParts;
    }

    List<String> basisChunks() {
        return basisChunks;
    }

    List<String> catalogChunks() {
        return new ArrayList<>(catalogs.keySet());
    }

    /** Every served part with its hash and size, in manifest order (graph, basis chunks, catalog chunks). */
    List<Manifest.FileEntry> fileEntries() {
        List<Manifest.FileEntry> entries = new ArrayList<>();
        Map<String, byte[]> all = new LinkedHashMap<>(modelParts);
        all.putAll(catalogs);
        for (Map.Entry<String, byte[]> part : all.entrySet()) {
            entries.add(new Manifest.FileEntry(part.getKey(), OnnxExport.sha256Hex(part.getValue()),
                    part.getValue().length));
        }
        return entries;
    }

    /** Everything to write, in write order: the parts, provenance.json, then the manifest. */
    Map<String, byte[]> files(Manifest manifest) {
        Map<String, byte[]> files = ArtifactWriter.files();
        files.putAll(catalogs);
        for (String chunk : basisChunks) {
            files.put(chunk, modelParts.get(chunk));
        }
        files.put(modelFile, modelParts.get(modelFile));
        files.put(Training.PROVENANCE_FILE, provenance);
        files.put(Training.MANIFEST_FILE, manifest.toJson().getBytes(StandardCharsets.UTF_8));
        return files;
    }
}
