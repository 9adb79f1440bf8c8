package privrec.trainer.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import ai.onnx.proto.OnnxMl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import privrec.core.CatalogFormat;
import privrec.core.Manifest;
import privrec.trainer.export.OnnxExport;
import privrec.trainer.export.OrtScorer;
import privrec.trainer.pipeline.Training;

/** {@code inspect}: what a models directory holds, and whether it is intact and free of provenance. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Prints the manifest summary, checks every listed file's size and SHA-256, lists the ONNX "
                + "inputs, outputs, opset and metadata keys, and loads the model with ONNX Runtime.",
                "Exit code 1 when anything does not match."})
public final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--models", defaultValue = "models", paramLabel = "DIR|FILE",
            description = "A models directory or its manifest.json (default ${DEFAULT-VALUE}).")
    Path models;

    @Option(names = "--against", paramLabel = "DIR|FILE",
            description = "Another release: list which parts the two share (what a browser holding it would not "
                    + "download again) and the bytes of the rest.")
    Path against;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path manifestFile = Files.isDirectory(models) ? models.resolve(Training.MANIFEST_FILE) : models;
        Path dir = manifestFile.toAbsolutePath().getParent();
        Manifest manifest = Manifest.parse(Files.readString(manifestFile, StandardCharsets.UTF_8),
                manifestFile.getFileName().toString());
        out.printf("model %s: %s%n", manifest.modelId(), manifest.algorithm());
        out.printf("data: %s, through %s; %d items; format %d, encoder %d%n", manifest.dataset(),
                manifest.dataThrough(), manifest.itemCount(), manifest.formatVersion(), manifest.encoderVersion());
        out.printf("release: basis %s, %s; %d basis chunk(s), %d catalog chunk(s), %d withdrawn movie(s)%n",
                manifest.basisId(), manifest.baseModelId() == null ? "full train" : "update of " + manifest.baseModelId(),
                manifest.modelData().size(), manifest.catalogFiles().size(), manifest.withdrawn().size());
        List<String> problems = new ArrayList<>();
        try {
            manifest.checkCompatible();
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
        }
        for (Manifest.FileEntry entry : manifest.files()) {
            Path file = dir.resolve(entry.name());
            if (!Files.exists(file)) {
                problems.add(entry.name() + ": missing");
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            String sha = OnnxExport.sha256Hex(bytes);
            boolean ok = sha.equals(entry.sha256()) && bytes.length == entry.bytes();
            out.printf("  %-30s %9d bytes  sha256 %s  %s%n", entry.name(), bytes.length, sha, ok ? "OK" : "MISMATCH");
            if (!ok) {
                problems.add(entry.name() + ": size or sha256 differs from the manifest");
            }
        }
        Path modelFile = dir.resolve(manifest.modelFile());
        if (Files.exists(modelFile)) {
            problems.addAll(describeModel(Files.readAllBytes(modelFile), dir, manifest, out));
        }
        int items = 0;
        boolean allCatalogs = true;
        for (String name : manifest.catalogFiles()) {
            Path catalogFile = dir.resolve(name);
            if (!Files.exists(catalogFile)) {
                allCatalogs = false;
                continue;
            }
            try {
                items += CatalogFormat.parse(Files.readString(catalogFile, StandardCharsets.UTF_8), name).size();
            } catch (RuntimeException e) {
                problems.add(name + ": " + e.getMessage());
                allCatalogs = false;
            }
        }
        if (allCatalogs && items != manifest.itemCount()) {
            problems.add("catalog chunks hold " + items + " items, manifest says " + manifest.itemCount());
        }
        if (against != null) {
            Path otherFile = Files.isDirectory(against) ? against.resolve(Training.MANIFEST_FILE) : against;
            Manifest other = Manifest.parse(Files.readString(otherFile, StandardCharsets.UTF_8), otherFile.toString());
            printSharing(manifest, other, out);
        }
        out.printf("metrics: %s%n", manifest.metrics().isEmpty() ? "none" : manifest.metrics().get("model"));
        if (problems.isEmpty()) {
            out.println("all files match the manifest");
            return 0;
        }
        for (String problem : problems) {
            spec.commandLine().getErr().println(problem);
        }
        return 1;
    }

    /** Per part: shared with {@code other} (same name and hash) or not; then the bytes a holder of other fetches. */
    private static void printSharing(Manifest manifest, Manifest other, PrintWriter out) {
        out.printf("parts shared with %s:%n", other.modelId());
        long shared = 0;
        long fetched = 0;
        for (String name : manifest.partNames()) {
            Manifest.FileEntry entry = manifest.file(name);
            boolean same = other.holds(entry);
            out.printf("  %-30s %9d bytes  %s%n", name, entry.bytes(), same ? "shared" : "new");
            if (same) {
                shared += entry.bytes();
            } else {
                fetched += entry.bytes();
            }
        }
        out.printf("a browser holding %s downloads %,d of %,d bytes (%.1f %%), before compression%n", other.modelId(),
                fetched, shared + fetched, 100.0 * fetched / Math.max(1, shared + fetched));
    }

    /** Prints the ONNX interface and metadata; returns problems (unexpected metadata, shape mismatch, load failure). */
    private static List<String> describeModel(byte[] bytes, Path dir, Manifest manifest, PrintWriter out) {
        List<String> problems = new ArrayList<>();
        OnnxMl.ModelProto proto;
        try {
            proto = OnnxMl.ModelProto.parseFrom(bytes);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            problems.add(manifest.modelFile() + ": not an ONNX model (" + e.getMessage() + ")");
            return problems;
        }
        List<String> opsets = new ArrayList<>();
        for (OnnxMl.OperatorSetIdProto opset : proto.getOpsetImportList()) {
            opsets.add((opset.getDomain().isEmpty() ? "ai.onnx" : opset.getDomain()) + " " + opset.getVersion());
        }
        out.printf("onnx: IR %d, opset %s, producer %s %s, %d nodes%n", proto.getIrVersion(), opsets,
                proto.getProducerName(), proto.getProducerVersion(), proto.getGraph().getNodeCount());
        for (OnnxMl.ValueInfoProto input : proto.getGraph().getInputList()) {
            out.printf("  input  %-8s %s%n", input.getName(), shape(input));
        }
        for (OnnxMl.ValueInfoProto output : proto.getGraph().getOutputList()) {
            out.printf("  output %-8s %s%n", output.getName(), shape(output));
        }
        List<String> keys = new ArrayList<>();
        for (OnnxMl.StringStringEntryProto entry : proto.getMetadataPropsList()) {
            keys.add(entry.getKey());
            if (!OnnxExport.METADATA_KEYS.contains(entry.getKey())) {
                problems.add(manifest.modelFile() + ": unexpected metadata key " + entry.getKey());
            }
            if (entry.getValue().contains("/") || entry.getValue().contains("\\")) {
                problems.add(manifest.modelFile() + ": metadata " + entry.getKey() + " looks like a path");
            }
        }
        // The stored weights by type: the large matrices should be int8 (issue 13's compact model).
        java.util.Map<String, long[]> byType = new java.util.TreeMap<>();
        for (OnnxMl.TensorProto t : proto.getGraph().getInitializerList()) {
            long[] sum = byType.computeIfAbsent(OnnxMl.TensorProto.DataType.forNumber(t.getDataType()).name()
                    .toLowerCase(java.util.Locale.ROOT), k -> new long[2]);
            sum[0]++;
            sum[1] += t.getDimsList().stream().reduce(1L, (x, y) -> x * y);
        }
        byType.forEach((type, sum) -> out.printf("  weights  %-7s %d tensors, %,d values%n", type, sum[0], sum[1]));
        out.printf("  metadata keys %s; doc string %s%n", keys, proto.getDocString().isEmpty() ? "empty" : "PRESENT");
        if (!proto.getDocString().isEmpty()) {
            problems.add(manifest.modelFile() + ": has a doc string (provenance must be stripped)");
        }
        try (OrtScorer scorer = new OrtScorer(dir, manifest.modelFile(), manifest.itemCount())) {
            out.printf("  loads in ONNX Runtime: inputs %s, outputs %s%n", scorer.session().getInputNames(),
                    scorer.session().getOutputNames());
        } catch (Exception e) {
            problems.add(manifest.modelFile() + ": ONNX Runtime cannot load it: " + e.getMessage());
        }
        return problems;
    }

    private static String shape(OnnxMl.ValueInfoProto value) {
        List<String> dims = new ArrayList<>();
        for (OnnxMl.TensorShapeProto.Dimension dim : value.getType().getTensorType().getShape().getDimList()) {
            dims.add(dim.hasDimValue() ? Long.toString(dim.getDimValue()) : dim.getDimParam());
        }
        return dims.toString();
    }
}
