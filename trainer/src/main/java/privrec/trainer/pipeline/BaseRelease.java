package privrec.trainer.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.onnx.proto.OnnxMl;

import privrec.core.Catalog;
import privrec.core.CatalogFormat;
import privrec.core.FormatException;
import privrec.core.Item;
import privrec.core.Manifest;
import privrec.trainer.export.OnnxExport;
import privrec.trainer.model.BasisRefit;
import privrec.trainer.model.Half;
import privrec.trainer.model.ProfileRegression;

/**
 * A published release read back for {@code trainer update}: its manifest, every part checked against it, the item
 * basis decoded from the external-data chunks exactly as ONNX Runtime restores it, its catalog in column order and
 * the choices (λ, α, γ, β, input power) recorded in its manifest.
 */
record BaseRelease(Path dir, Manifest manifest, Map<String, byte[]> basisChunks, int[] chunkSizes,
                   BasisRefit.Basis basis, Map<String, byte[]> catalogChunks, List<Item> items,
                   BasisRefit.Settings settings, Map<String, Object> params) {

    static BaseRelease read(Path dir) throws IOException {
        Path manifestFile = dir.resolve(Training.MANIFEST_FILE);
        String text;
        try {
            text = Files.readString(manifestFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new FormatException("--base " + dir + " holds no " + Training.MANIFEST_FILE
                    + ": point it at a release written by train or update");
        }
        Manifest manifest = Manifest.parse(text, manifestFile.toString());
        manifest.checkCompatible();
        Map<String, byte[]> parts = new HashMap<>();
        for (String name : manifest.partNames()) {
            Path file = dir.resolve(name);
            if (!Files.exists(file)) {
                throw new FormatException("--base release is incomplete: " + name + " is missing");
            }
            byte[] bytes = Files.readAllBytes(file);
            Manifest.FileEntry entry = manifest.file(name);
            if (bytes.length != entry.bytes() || !OnnxExport.sha256Hex(bytes).equals(entry.sha256())) {
                throw new FormatException("--base release is damaged: " + name
                        + " differs from its manifest entry");
            }
            parts.put(name, bytes);
        }
        OnnxMl.GraphProto graph = OnnxMl.ModelProto.parseFrom(parts.get(manifest.modelFile())).getGraph();
        Map<String, OnnxMl.TensorProto> tensors = new HashMap<>();
        for (OnnxMl.TensorProto t : graph.getInitializerList()) {
            tensors.put(t.getName(), t);
        }
        Map<String, byte[]> chunks = new LinkedHashMap<>();
        for (String name : manifest.modelData()) {
            chunks.put(name, parts.get(name));
        }
        int chunkCount = chunks.size();
        int[] sizes = new int[chunkCount];
        List<float[]> codes = new ArrayList<>();
        List<float[]> rowScales = new ArrayList<>();
        List<float[]> inputScales = new ArrayList<>();
        int rank = -1;
        int rows = 0;
        for (int c = 0; c < chunkCount; c++) {
            String prefix = "basis_" + c;
            OnnxMl.TensorProto q = tensor(tensors, prefix + "_codes");
            sizes[c] = (int) q.getDims(0);
            rank = (int) q.getDims(1);
            byte[] raw = external(q, parts);
            float[] f = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                f[i] = raw[i];
            }
            codes.add(f);
            rowScales.add(halfVector(tensors, prefix + "_row_scale", parts));
            inputScales.add(halfVector(tensors, prefix + "_input_scale", parts));
            rows += sizes[c];
        }
        if (rows != manifest.itemCount()) {
            throw new FormatException("--base basis has " + rows + " rows but the manifest says "
                    + manifest.itemCount() + " items");
        }
        BasisRefit.Basis basis = new BasisRefit.Basis(concat(codes), concat(rowScales), concat(inputScales), rows,
                rank);

        Map<String, byte[]> catalogs = new LinkedHashMap<>();
        List<Item> items = new ArrayList<>();
        for (String name : manifest.catalogFiles()) {
            catalogs.put(name, parts.get(name));
            Catalog chunk = CatalogFormat.parse(new String(parts.get(name), StandardCharsets.UTF_8), name);
            for (Item item : chunk.items()) {
                items.add(new Item(items.size(), item.id(), item.title(), item.year(), item.genreMask(),
                        item.popularity()));
            }
        }
        if (items.size() != rows) {
            throw new FormatException("--base catalog has " + items.size() + " movies but the basis "
                    + rows + " rows");
        }
        Map<String, Object> params = map(manifest.training(), "params");
        Map<String, Object> chosen = map(manifest.training(), "chosen");
        float inputPower = scalar(tensors, "input_power");
        BasisRefit.Settings settings = new BasisRefit.Settings(number(chosen, "lambda"), number(chosen, "beta"),
                number(chosen, "inputPopularity"), number(chosen, "outputPopularity"), inputPower,
                Boolean.TRUE.equals(params.get("tailCorrection")),
                new ProfileRegression.Settings((int) number(params, "profileEpochs"),
                        number(params, "profileLearningRate"), (long) number(params, "seed")));
        return new BaseRelease(dir, manifest, chunks, sizes, basis, catalogs, items, settings, params);
    }

    private static OnnxMl.TensorProto tensor(Map<String, OnnxMl.TensorProto> tensors, String name) {
        OnnxMl.TensorProto t = tensors.get(name);
        if (t == null) {
            throw new FormatException("--base graph has no tensor " + name
                    + ": it was not written by this trainer's train or update");
        }
        return t;
    }

    /** The first inline float scalar whose name starts with {@code prefix} (Tribuo appends a counter). */
    private static float scalar(Map<String, OnnxMl.TensorProto> tensors, String prefix) {
        for (OnnxMl.TensorProto t : tensors.values()) {
            if (t.getName().startsWith(prefix) && t.getFloatDataCount() == 1) {
                return t.getFloatData(0);
            }
        }
        throw new FormatException("--base graph has no " + prefix);
    }

    private static float[] halfVector(Map<String, OnnxMl.TensorProto> tensors, String name, Map<String, byte[]> parts) {
        byte[] raw = external(tensor(tensors, name + "_f16"), parts);
        float unit = tensor(tensors, name + "_unit").getFloatData(0);
        ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[raw.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = Half.toFloat(buffer.getShort()) * unit;
        }
        return out;
    }

    private static byte[] external(OnnxMl.TensorProto t, Map<String, byte[]> parts) {
        String location = null;
        long offset = 0;
        long length = -1;
        for (OnnxMl.StringStringEntryProto e : t.getExternalDataList()) {
            switch (e.getKey()) {
                case "location" -> location = e.getValue();
                case "offset" -> offset = Long.parseLong(e.getValue());
                case "length" -> length = Long.parseLong(e.getValue());
                default -> { }
            }
        }
        byte[] file = location == null ? null : parts.get(location);
        if (file == null || length < 0 || offset + length > file.length) {
            throw new FormatException("--base tensor " + t.getName() + " points outside its chunk file");
        }
        byte[] out = new byte[(int) length];
        System.arraycopy(file, (int) offset, out, 0, out.length);
        return out;
    }

    private static float[] concat(List<float[]> parts) {
        int total = parts.stream().mapToInt(p -> p.length).sum();
        float[] out = new float[total];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (!(value instanceof Map)) {
            throw new FormatException("--base manifest has no training." + key + " record");
        }
        return (Map<String, Object>) value;
    }

    private static double number(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof Number)) {
            throw new FormatException("--base manifest has no number training record field " + key);
        }
        return ((Number) value).doubleValue();
    }
}
