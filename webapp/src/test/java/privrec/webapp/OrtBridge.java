package privrec.webapp;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The Java half of the HtmlUnit {@code ort} bridge (see htmlunit-bridge.js): sessions created from the exact bytes
 * the page passed to {@code ort.InferenceSession.create}, run by ONNX Runtime Java. Typed-array data crosses as
 * raw little-endian bytes. One instance per {@link HtmlUnitBrowser}; it records what the page did for assertions.
 */
public final class OrtBridge implements AutoCloseable {

    /**
     * One {@code InferenceSession.create} call: SHA-256 of the model bytes, the options JSON (without the external
     * data bytes), the external data files' names, input and output names.
     */
    public record SessionRecord(int id, String modelSha256, int modelBytes, String optionsJson,
                                List<String> externalData, List<String> inputNames, List<String> outputNames) {
    }

    /** One {@code session.run}: session id, input name → dims, and the requested outputs (empty = all). */
    public record RunRecord(int sessionId, Map<String, List<Long>> inputDims, List<String> fetches) {
    }

    private final OrtEnvironment env = OrtJava.environment();
    private final Map<Integer, OrtSession> sessions = new ConcurrentHashMap<>();
    private final Map<Integer, List<byte[]>> pendingOutputs = new ConcurrentHashMap<>();
    private final List<SessionRecord> created = Collections.synchronizedList(new ArrayList<>());
    private final List<RunRecord> runs = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean detachInputs = true;

    /** SHA-256 of the one-node graph the app starts the engine with ({@code Ort.warmUp}, 68 bytes). */
    public static final String WARM_UP_MODEL_SHA256 = "923ace9f8945b9461d62f421a943ddf1113f5f68c9af794dbe612e25a83d5118";

    /** {@link #sessionsCreated()} without the engine's warm-up session: the sessions over a served model. */
    public List<SessionRecord> modelSessionsCreated() {
        return sessionsCreated().stream().filter(r -> !r.modelSha256().equals(WARM_UP_MODEL_SHA256)).toList();
    }

    public List<SessionRecord> sessionsCreated() {
        return List.copyOf(created);
    }

    public List<RunRecord> runs() {
        return List.copyOf(runs);
    }

    /** Sessions created and not yet released. */
    public int openSessions() {
        return sessions.size();
    }

    /**
     * Whether {@code run} detaches the input buffers afterwards, as onnxruntime-web does (platform notes). On by
     * default so a client that reuses an input array fails in HtmlUnit too.
     */
    public void setDetachInputs(boolean detach) {
        this.detachInputs = detach;
    }

    /**
     * A session over {@code model}; with external data (onnxruntime-web's {@code externalData: [{path, data}]})
     * the graph and every file are written under their names into a fresh temporary folder, from which ORT Java
     * loads the graph by path and reads each initializer's {@code location} — the same bytes, resolved the same
     * way — and the folder is removed again.
     */
    String create(byte[] model, String optionsJson, Map<String, byte[]> externalData) throws OrtException, IOException {
        OrtSession s;
        if (externalData.isEmpty()) {
            s = env.createSession(model, new OrtSession.SessionOptions());
        } else {
            Path dir = Files.createTempDirectory("privrec-bridge-");
            Path graph = dir.resolve("graph.onnx");
            try {
                for (Map.Entry<String, byte[]> file : externalData.entrySet()) {
                    Path target = dir.resolve(file.getKey()).normalize();
                    if (!target.getParent().equals(dir)) {
                        throw new IllegalArgumentException("external data path " + file.getKey() + " leaves the folder");
                    }
                    Files.write(target, file.getValue());
                }
                Files.write(graph, model);
                s = env.createSession(graph.toString(), new OrtSession.SessionOptions());
            } finally {
                for (String name : externalData.keySet()) {
                    Files.deleteIfExists(dir.resolve(name).normalize());
                }
                Files.deleteIfExists(graph);
                Files.deleteIfExists(dir);
            }
        }
        int id = ids.incrementAndGet();
        sessions.put(id, s);
        List<String> in = new ArrayList<>(s.getInputNames());
        List<String> out = new ArrayList<>(s.getOutputNames());
        created.add(new SessionRecord(id, Site.sha256Hex(model), model.length, optionsJson,
                List.copyOf(externalData.keySet()), in, out));
        return "{\"id\":" + id + ",\"inputNames\":" + jsonList(in) + ",\"outputNames\":" + jsonList(out) + "}";
    }

    /**
     * args: sessionId, the requested output names joined by '\n' ("" = all outputs), then (name, type,
     * "d0,d1,…", typedArray) per input. Returns outputs' metadata.
     */
    String run(Object[] args) throws OrtException {
        if (args.length < 2 || (args.length - 2) % 4 != 0) {
            throw new IllegalArgumentException("run: expected sessionId, fetches, then (name, type, dims, data) per input");
        }
        int id = JsValues.integer(args[0]);
        String fetchText = JsValues.string(args[1]);
        Set<String> fetches = fetchText.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(fetchText.split("\n")));
        OrtSession session = session(id);
        Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
        Map<String, List<Long>> dimsByName = new LinkedHashMap<>();
        try {
            for (int i = 2; i + 3 < args.length; i += 4) {
                String name = JsValues.string(args[i]);
                String type = JsValues.string(args[i + 1]);
                String dimsText = JsValues.string(args[i + 2]);
                long[] dims = dimsText.isEmpty() ? new long[0]
                        : Arrays.stream(dimsText.split(",")).mapToLong(Long::parseLong).toArray();
                feeds.put(name, tensor(type, JsValues.bytes(args[i + 3], "input " + name), dims));
                dimsByName.put(name, Arrays.stream(dims).boxed().toList());
            }
            runs.add(new RunRecord(id, dimsByName, List.copyOf(fetches)));
            try (OrtSession.Result result = fetches.isEmpty() ? session.run(feeds) : session.run(feeds, fetches)) {
                List<byte[]> data = new ArrayList<>();
                StringBuilder meta = new StringBuilder();
                for (Map.Entry<String, OnnxValue> e : result) {
                    if (!(e.getValue() instanceof OnnxTensor t)) {
                        throw new OrtException("output " + e.getKey() + " is not a tensor (test bridge supports tensors only)");
                    }
                    TensorInfo info = t.getInfo();
                    byte[] bytes = littleEndianBytes(t);
                    data.add(bytes);
                    meta.append(meta.length() == 0 ? "" : ",").append("{\"name\":").append(JsValues.json(e.getKey()))
                            .append(",\"type\":\"").append(jsType(info.type)).append("\",\"dims\":")
                            .append(Arrays.toString(info.getShape()).replace(" ", ""))
                            .append(",\"length\":").append(info.getNumElements()).append('}');
                }
                int token = ids.incrementAndGet();
                pendingOutputs.put(token, data);
                return "{\"token\":" + token + ",\"detachInputs\":" + detachInputs + ",\"outputs\":[" + meta + "]}";
            }
        } finally {
            feeds.values().forEach(OnnxTensor::close);
        }
    }

    void fill(int token, int index, Object typedArray) {
        List<byte[]> outputs = pendingOutputs.get(token);
        if (outputs == null) {
            throw new IllegalStateException("no pending outputs for token " + token);
        }
        JsValues.fill(typedArray, outputs.get(index), "output " + index);
    }

    void drop(int token) {
        pendingOutputs.remove(token);
    }

    void release(int id) {
        OrtSession s = sessions.remove(id);
        if (s != null) {
            try {
                s.close();
            } catch (OrtException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        new ArrayList<>(sessions.keySet()).forEach(this::release);
    }

    private OrtSession session(int id) {
        OrtSession s = sessions.get(id);
        if (s == null) {
            throw new IllegalStateException("session " + id + " was released or never created");
        }
        return s;
    }

    private OnnxTensor tensor(String type, byte[] bytes, long[] dims) throws OrtException {
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        return switch (type) {
            case "float32" -> OnnxTensor.createTensor(env, b.asFloatBuffer(), dims);
            case "float64" -> OnnxTensor.createTensor(env, b.asDoubleBuffer(), dims);
            case "int32" -> OnnxTensor.createTensor(env, b.asIntBuffer(), dims);
            case "int64" -> OnnxTensor.createTensor(env, b.asLongBuffer(), dims);
            default -> throw new OrtException("tensor type " + type + " is not supported by the test bridge");
        };
    }

    private static byte[] littleEndianBytes(OnnxTensor t) throws OrtException {
        TensorInfo info = t.getInfo();
        int n = (int) info.getNumElements();
        ByteBuffer out;
        switch (info.type) {
            case FLOAT -> {
                out = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
                out.asFloatBuffer().put(t.getFloatBuffer());
            }
            case DOUBLE -> {
                out = ByteBuffer.allocate(n * 8).order(ByteOrder.LITTLE_ENDIAN);
                out.asDoubleBuffer().put(t.getDoubleBuffer());
            }
            case INT32 -> {
                out = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
                out.asIntBuffer().put(t.getIntBuffer());
            }
            case INT64 -> {
                out = ByteBuffer.allocate(n * 8).order(ByteOrder.LITTLE_ENDIAN);
                out.asLongBuffer().put(t.getLongBuffer());
            }
            default -> throw new OrtException("output type " + info.type + " is not supported by the test bridge");
        }
        return out.array();
    }

    private static String jsType(OnnxJavaType t) {
        return switch (t) {
            case FLOAT -> "float32";
            case DOUBLE -> "float64";
            case INT32 -> "int32";
            case INT64 -> "int64";
            default -> throw new IllegalArgumentException("unsupported output type " + t);
        };
    }

    private static String jsonList(List<String> names) {
        return names.stream().map(JsValues::json).collect(Collectors.joining(",", "[", "]"));
    }
}
