package privrec.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: what the browser fetches first. It names the release's parts with their SHA-256 and size
 * (the browser refuses a file whose hash differs), the encoder version the model expects, the tensor names and
 * shapes, and the offline metrics and training parameters shown on the model page.
 *
 * <p>A release is a set of content-addressed parts ({@link #partName}): the ONNX graph with its small tensors
 * ({@link #modelFile}), the item basis chunks the graph reads as ONNX external data ({@link #modelData}, by the
 * exact name the graph uses), and catalog chunks ({@link #catalogFiles}) whose item index runs on across them in
 * order. A model update ({@code trainer update}) keeps the basis and catalog chunks of the release it was built on
 * byte for byte and appends one of each for movies added since, so a returning browser fetches only the graph and
 * the new chunks (docs/model-updates.md).
 *
 * @param formatVersion   {@link #FORMAT_VERSION}
 * @param encoderVersion  {@link Encoder#VERSION} the model was trained with
 * @param modelId         stable id derived from the model bytes
 * @param algorithm       human-readable model name
 * @param dataset         description of the training data
 * @param dataThrough     date (yyyy-mm-dd) of the newest training rating, so the same data gives the same manifest
 * @param modelFile       name of the ONNX graph file
 * @param modelData       external data files of the graph (item basis chunks), in graph order
 * @param catalogFiles    catalog chunks; column index runs on across them in this order
 * @param withdrawn       movie ids the model still has a column for but the service no longer offers
 * @param basisId         name of the first basis chunk: releases with the same basisId share the item basis
 * @param baseModelId     model id of the release an update was built on; null after a full train
 * @param itemCount       number of columns = history and score width (withdrawn movies included)
 * @param inputs          model inputs (history, profile) with shapes; -1 is the batch dimension
 * @param outputs         model outputs (scores)
 * @param profileFeatures profile column names in order
 * @param files           every shipped file with hash and size
 * @param metrics         offline evaluation results (name → value, nested maps allowed)
 * @param training        training parameters
 * @param contributions   the operator's terms for opt-in contributions to this release (parsed by
 *                        {@code privrec.core.privacy.ContributionPolicy#of}); empty when the release accepts none
 */
public record Manifest(int formatVersion, int encoderVersion, String modelId, String algorithm, String dataset,
                       String dataThrough, String modelFile, List<String> modelData, List<String> catalogFiles,
                       List<Integer> withdrawn, String basisId, String baseModelId, int itemCount,
                       List<TensorSpec> inputs, List<TensorSpec> outputs, List<String> profileFeatures,
                       List<FileEntry> files, Map<String, Object> metrics, Map<String, Object> training,
                       Map<String, Object> contributions) {

    /**
     * 3: the release is split into content-addressed parts (graph, basis chunks as external data, catalog chunks),
     * which a version-2 client cannot assemble. 2 added the explanation inputs and output, which every run must
     * feed. An older client is refused up front rather than failing half-way.
     */
    public static final int FORMAT_VERSION = 3;
    public static final String HISTORY_INPUT = "history";
    public static final String PROFILE_INPUT = "profile";
    public static final String SCORES_OUTPUT = "scores";
    /**
     * Explanation inputs and output ({@link ItemScorer#contributions}): {@code explain_items} int32 [L],
     * {@code explain_weights} float32 [L], {@code explain_targets} int32 [C] → {@code contributions} float32 [L, C].
     * Every run feeds every input; the unwanted part gets an empty batch (see {@link ItemScorer#contributions}).
     */
    public static final String EXPLAIN_ITEMS_INPUT = "explain_items";
    public static final String EXPLAIN_WEIGHTS_INPUT = "explain_weights";
    public static final String EXPLAIN_TARGETS_INPUT = "explain_targets";
    public static final String CONTRIBUTIONS_OUTPUT = "contributions";

    /** Element type of most tensors; {@link TensorSpec#type} is written to JSON only when it differs. */
    public static final String FLOAT32 = "float32";
    public static final String INT32 = "int32";

    /** A tensor name, shape and element type ({@link #FLOAT32} or {@link #INT32}). */
    public record TensorSpec(String name, int[] shape, String type) {
        public TensorSpec {
            if (!FLOAT32.equals(type) && !INT32.equals(type)) {
                throw new IllegalArgumentException("tensor " + name + " has unsupported type \"" + type + "\"");
            }
        }

        /** A float32 tensor. */
        public TensorSpec(String name, int[] shape) {
            this(name, shape, FLOAT32);
        }
    }

    /** A shipped file: name relative to the manifest, lowercase hex SHA-256, size in bytes. */
    public record FileEntry(String name, String sha256, int bytes) {
        public FileEntry {
            if (name == null || name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                throw new IllegalArgumentException("file name \"" + name + "\" must be a plain name in the manifest's folder");
            }
            if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("file " + name + " has an invalid sha256 \"" + sha256 + "\"");
            }
            if (bytes < 0) {
                throw new IllegalArgumentException("file " + name + " has negative size");
            }
        }
    }

    /** Role prefixes of {@link #partName}. */
    public static final String MODEL_ROLE = "model";
    public static final String BASIS_ROLE = "basis";
    public static final String CATALOG_ROLE = "catalog";

    /**
     * A part's content-addressed file name, {@code <role>-<first 16 hex digits of its SHA-256>.<extension>}: a part
     * that did not change keeps its name, so browsers and HTTP caches keep their copy.
     */
    public static String partName(String role, String sha256, String extension) {
        return role + "-" + sha256.substring(0, 16) + "." + extension;
    }

    public Manifest {
        modelData = Collections.unmodifiableList(new ArrayList<>(modelData));
        catalogFiles = Collections.unmodifiableList(new ArrayList<>(catalogFiles));
        withdrawn = Collections.unmodifiableList(new ArrayList<>(withdrawn));
        if (catalogFiles.isEmpty()) {
            throw new FormatException("manifest lists no catalog file");
        }
        files = Collections.unmodifiableList(new ArrayList<>(files));
        inputs = Collections.unmodifiableList(new ArrayList<>(inputs));
        outputs = Collections.unmodifiableList(new ArrayList<>(outputs));
        profileFeatures = Collections.unmodifiableList(new ArrayList<>(profileFeatures));
        metrics = metrics == null ? Collections.emptyMap() : metrics;
        training = training == null ? Collections.emptyMap() : training;
        contributions = contributions == null ? Collections.emptyMap() : contributions;
    }

    /** The file entry with this name; throws when the manifest does not list it. */
    public FileEntry file(String name) {
        for (FileEntry entry : files) {
            if (entry.name().equals(name)) {
                return entry;
            }
        }
        throw new FormatException("manifest lists no file \"" + name + "\"");
    }

    /** Throws unless this manifest fits the code that reads it (format, encoder, profile columns). */
    public void checkCompatible() {
        if (formatVersion != FORMAT_VERSION) {
            throw new IncompatibleVersionException("manifest format " + formatVersion + " is not supported (supported: " + FORMAT_VERSION + ")");
        }
        if (encoderVersion != Encoder.VERSION) {
            throw new IncompatibleVersionException("model was built for encoder version " + encoderVersion
                    + " but this app encodes version " + Encoder.VERSION);
        }
        if (!profileFeatures.equals(Encoder.PROFILE_FEATURES)) {
            throw new FormatException("model's profile features differ from this app's encoder");
        }
        for (String name : partNames()) {
            file(name);
        }
    }

    /** Whether this manifest lists {@code entry}'s file with the same content (name and SHA-256). */
    public boolean holds(FileEntry entry) {
        for (FileEntry mine : files) {
            if (mine.name().equals(entry.name()) && mine.sha256().equals(entry.sha256())) {
                return true;
            }
        }
        return false;
    }

    /** Every part of the release: the graph, then the basis chunks, then the catalog chunks. */
    public List<String> partNames() {
        List<String> names = new ArrayList<>();
        names.add(modelFile);
        names.addAll(modelData);
        names.addAll(catalogFiles);
        return names;
    }

    public String toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("formatVersion", formatVersion);
        root.put("encoderVersion", encoderVersion);
        root.put("modelId", modelId);
        root.put("algorithm", algorithm);
        root.put("dataset", dataset);
        root.put("dataThrough", dataThrough);
        root.put("modelFile", modelFile);
        root.put("modelData", new ArrayList<Object>(modelData));
        root.put("catalogFiles", new ArrayList<Object>(catalogFiles));
        root.put("withdrawn", new ArrayList<Object>(withdrawn));
        Map<String, Object> release = new LinkedHashMap<>();
        release.put("basis", basisId);
        if (baseModelId != null) {
            release.put("base", baseModelId);
        }
        root.put("release", release);
        root.put("itemCount", itemCount);
        root.put("inputs", tensorsToJson(inputs));
        root.put("outputs", tensorsToJson(outputs));
        root.put("profileFeatures", new ArrayList<Object>(profileFeatures));
        List<Object> fileList = new ArrayList<>();
        for (FileEntry entry : files) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", entry.name());
            f.put("sha256", entry.sha256());
            f.put("bytes", entry.bytes());
            fileList.add(f);
        }
        root.put("files", fileList);
        root.put("metrics", metrics);
        root.put("training", training);
        if (!contributions.isEmpty()) {
            root.put("contributions", contributions);
        }
        return Json.write(root) + "\n";
    }

    private static List<Object> tensorsToJson(List<TensorSpec> tensors) {
        List<Object> list = new ArrayList<>();
        for (TensorSpec tensor : tensors) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", tensor.name());
            List<Object> shape = new ArrayList<>();
            for (int d : tensor.shape()) {
                shape.add(d);
            }
            t.put("shape", shape);
            if (!tensor.type().equals(FLOAT32)) {
                t.put("type", tensor.type());
            }
            list.add(t);
        }
        return list;
    }

    /** Parses a manifest; every missing or mistyped field is named in the error. */
    public static Manifest parse(String text, String source) {
        Map<String, Object> root = Json.parseObject(text, source);
        Fields f = new Fields(root, source);
        int format = f.integer("formatVersion");
        if (format != FORMAT_VERSION) {
            throw new IncompatibleVersionException(source + ": manifest format " + format + " is not supported (supported: " + FORMAT_VERSION + ")");
        }
        List<FileEntry> files = new ArrayList<>();
        for (Map<String, Object> entry : f.objects("files")) {
            Fields ef = new Fields(entry, source + ": files[]");
            try {
                files.add(new FileEntry(ef.string("name"), ef.string("sha256"), ef.integer("bytes")));
            } catch (IllegalArgumentException e) {
                throw new FormatException(source + ": " + e.getMessage());
            }
        }
        List<String> features = new ArrayList<>();
        for (Object name : f.list("profileFeatures")) {
            features.add(String.valueOf(name));
        }
        List<Integer> withdrawn = new ArrayList<>();
        for (Object id : f.list("withdrawn")) {
            if (!(id instanceof Integer)) {
                throw new FormatException(source + ": field \"withdrawn\" must hold movie ids");
            }
            withdrawn.add((Integer) id);
        }
        Map<String, Object> release = f.object("release");
        Fields rf = new Fields(release, source + ": release");
        String base = release.get("base") == null ? null : rf.string("base");
        return new Manifest(format, f.integer("encoderVersion"), f.string("modelId"), f.string("algorithm"),
                f.string("dataset"), f.string("dataThrough"), f.string("modelFile"), f.strings("modelData"),
                f.strings("catalogFiles"), withdrawn, rf.string("basis"), base,
                f.integer("itemCount"), tensors(f.objects("inputs"), source), tensors(f.objects("outputs"), source),
                features, files, f.object("metrics"), f.object("training"), f.object("contributions"));
    }

    private static List<TensorSpec> tensors(List<Map<String, Object>> list, String source) {
        List<TensorSpec> tensors = new ArrayList<>();
        for (Map<String, Object> t : list) {
            Fields tf = new Fields(t, source + ": tensor");
            List<Object> dims = tf.list("shape");
            int[] shape = new int[dims.size()];
            for (int i = 0; i < shape.length; i++) {
                if (!(dims.get(i) instanceof Integer)) {
                    throw new FormatException(source + ": tensor shape must hold whole numbers");
                }
                shape[i] = (Integer) dims.get(i);
            }
            String type = t.get("type") == null ? FLOAT32 : tf.string("type");
            try {
                tensors.add(new TensorSpec(tf.string("name"), shape, type));
            } catch (IllegalArgumentException e) {
                throw new FormatException(source + ": " + e.getMessage());
            }
        }
        return tensors;
    }

    /** Typed access to a parsed JSON object, with errors naming the field. */
    private record Fields(Map<String, Object> map, String source) {
        Object required(String name) {
            if (!map.containsKey(name) || map.get(name) == null) {
                throw new FormatException(source + ": field \"" + name + "\" is missing");
            }
            return map.get(name);
        }

        String string(String name) {
            Object value = required(name);
            if (!(value instanceof String)) {
                throw new FormatException(source + ": field \"" + name + "\" must be a string");
            }
            return (String) value;
        }

        int integer(String name) {
            Object value = required(name);
            if (!(value instanceof Integer)) {
                throw new FormatException(source + ": field \"" + name + "\" must be a whole number");
            }
            return (Integer) value;
        }

        @SuppressWarnings("unchecked")
        List<Object> list(String name) {
            Object value = required(name);
            if (!(value instanceof List)) {
                throw new FormatException(source + ": field \"" + name + "\" must be an array");
            }
            return (List<Object>) value;
        }

        List<String> strings(String name) {
            List<String> result = new ArrayList<>();
            for (Object element : list(name)) {
                if (!(element instanceof String)) {
                    throw new FormatException(source + ": field \"" + name + "\" must hold file names");
                }
                result.add((String) element);
            }
            return result;
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> objects(String name) {
            List<Map<String, Object>> result = new ArrayList<>();
            for (Object element : list(name)) {
                if (!(element instanceof Map)) {
                    throw new FormatException(source + ": field \"" + name + "\" must hold objects");
                }
                result.add((Map<String, Object>) element);
            }
            return result;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> object(String name) {
            Object value = map.get(name);
            if (value == null) {
                return Collections.emptyMap();
            }
            if (!(value instanceof Map)) {
                throw new FormatException(source + ": field \"" + name + "\" must be an object");
            }
            return (Map<String, Object>) value;
        }
    }
}
