package privrec.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: what the browser fetches first. It names the model and catalog files with their SHA-256
 * and size (the browser refuses a file whose hash differs), the encoder version the model expects, the tensor
 * names and shapes, and the offline metrics and training parameters shown on the model page.
 *
 * @param formatVersion   {@link #FORMAT_VERSION}
 * @param encoderVersion  {@link Encoder#VERSION} the model was trained with
 * @param modelId         stable id derived from the model bytes
 * @param algorithm       human-readable model name
 * @param dataset         description of the training data
 * @param dataThrough     date (yyyy-mm-dd) of the newest training rating, so the same data gives the same manifest
 * @param modelFile       name of the ONNX file
 * @param catalogFile     name of the catalog file
 * @param itemCount       catalog size = history and score width
 * @param inputs          model inputs (history, profile) with shapes; -1 is the batch dimension
 * @param outputs         model outputs (scores)
 * @param profileFeatures profile column names in order
 * @param files           every shipped file with hash and size
 * @param metrics         offline evaluation results (name → value, nested maps allowed)
 * @param training        training parameters
 */
public record Manifest(int formatVersion, int encoderVersion, String modelId, String algorithm, String dataset,
                       String dataThrough, String modelFile, String catalogFile, int itemCount,
                       List<TensorSpec> inputs, List<TensorSpec> outputs, List<String> profileFeatures,
                       List<FileEntry> files, Map<String, Object> metrics, Map<String, Object> training) {

    /**
     * 2: the model has the explanation inputs and output (issue 13), which every run must feed, so a version-1
     * client (feeding only history and profile) cannot run a version-2 model and is refused up front.
     */
    public static final int FORMAT_VERSION = 2;
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

    public Manifest {
        files = Collections.unmodifiableList(new ArrayList<>(files));
        inputs = Collections.unmodifiableList(new ArrayList<>(inputs));
        outputs = Collections.unmodifiableList(new ArrayList<>(outputs));
        profileFeatures = Collections.unmodifiableList(new ArrayList<>(profileFeatures));
        metrics = metrics == null ? Collections.emptyMap() : metrics;
        training = training == null ? Collections.emptyMap() : training;
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
        file(modelFile);
        file(catalogFile);
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
        root.put("catalogFile", catalogFile);
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
        return new Manifest(format, f.integer("encoderVersion"), f.string("modelId"), f.string("algorithm"),
                f.string("dataset"), f.string("dataThrough"), f.string("modelFile"), f.string("catalogFile"),
                f.integer("itemCount"), tensors(f.objects("inputs"), source), tensors(f.objects("outputs"), source),
                features, files, f.object("metrics"), f.object("training"));
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
