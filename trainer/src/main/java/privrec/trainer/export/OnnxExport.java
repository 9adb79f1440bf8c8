package privrec.trainer.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.onnx.proto.OnnxMl;
import org.tribuo.Tribuo;
import org.tribuo.regression.sgd.linear.LinearSGDModel;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

import privrec.core.Encoder;
import privrec.core.Manifest;
import privrec.trainer.model.CollaborativeFactors;
import privrec.trainer.model.HybridModel;
import privrec.trainer.model.ProfileRegression;

/**
 * Writes the whole model as one ONNX graph with Tribuo's ONNX writer ({@link ONNXContext}):
 * <pre>
 *   input   = Mul(Pow(history, p), a)                                    graded weight^p, popularity weight
 *   collab  = Mul(Gemm(Mul(Gemm(input, U), s), U, transB=1), d)          low-rank EASE
 *   profile = Tribuo LinearSGDModel.writeONNXGraph(profile)              Gemm(profile, W, b)
 *   scores  = Add(collab, Mul(profile, β))
 *   contributions = Mul(Gemm(Mul(Mul(Gather(U, items), Unsqueeze(Mul(Pow(weights, p), Gather(a, items)), 1)), s),
 *                            Gather(U, targets), transB=1), Gather(d, targets))          explanations
 * </pre>
 * A quantized model ({@code HybridModel#quantized}) is stored compactly ({@link CompactStorage}): U and the
 * profile weights W as int8 codes, the per-item vectors as float16, each cast back to float32 in the graph.
 * The explanation inputs are typed by {@link GraphTypes}.
 * The model proto is assembled here rather than by {@code ONNXExportable.buildModel}, which would embed Tribuo's
 * full training provenance (paths, host, timestamps) in the shipped file. Only {@link #METADATA_KEYS} go in.
 */
public final class OnnxExport {
    public static final String DOMAIN = "privrec";
    public static final String PRODUCER = "privrec-trainer";
    /** Base name of the item basis initializer (n × k). */
    static final String BASIS = "ease_u";
    public static final List<String> METADATA_KEYS = List.of("model_id", "encoder_version", "provenance_sha256");

    /** The serialized model and its id. */
    public record Exported(byte[] bytes, String modelId, OnnxMl.ModelProto proto) {
    }

    private OnnxExport() {
    }

    public static OnnxMl.GraphProto graph(HybridModel model, LinearSGDModel profileModel) {
        int n = model.itemCount();
        CollaborativeFactors f = model.collab();
        ONNXContext onnx = new ONNXContext();
        onnx.setName("privrec_hybrid");
        ONNXPlaceholder history = onnx.floatInput(Manifest.HISTORY_INPUT, n);
        ONNXPlaceholder profile = onnx.floatInput(Manifest.PROFILE_INPUT, Encoder.profileWidth());
        // Typed and shaped for real by GraphTypes below: Tribuo's context only makes [batch, width] float inputs.
        ONNXPlaceholder explainItems = onnx.floatInput(Manifest.EXPLAIN_ITEMS_INPUT, 1);
        ONNXPlaceholder explainWeights = onnx.floatInput(Manifest.EXPLAIN_WEIGHTS_INPUT, 1);
        ONNXPlaceholder explainTargets = onnx.floatInput(Manifest.EXPLAIN_TARGETS_INPUT, 1);
        ONNXPlaceholder scores = onnx.floatOutput(Manifest.SCORES_OUTPUT, n);
        ONNXPlaceholder contributions = onnx.floatOutput(Manifest.CONTRIBUTIONS_OUTPUT, 1);

        ONNXInitializer u = onnx.floatTensor(BASIS, Arrays.asList(n, f.rank()), fb -> fb.put(f.u()));
        ONNXInitializer s = onnx.array("ease_shrink", f.s());
        ONNXInitializer d = onnx.array("ease_scale", f.d());
        ONNXInitializer power = onnx.constant("input_power", f.inputPower());
        ONNXInitializer a = onnx.array("input_scale", f.inputScale());
        ONNXNode input = history.apply(ONNXOperators.POW, power).apply(ONNXOperators.MUL, a);
        ONNXNode latent = input.apply(ONNXOperators.GEMM, u);
        ONNXNode shrunk = latent.apply(ONNXOperators.MUL, s);
        Map<String, Object> transB = Collections.singletonMap("transB", 1);
        Map<String, Object> axis0 = Collections.singletonMap("axis", 0);
        ONNXNode back = onnx.operation(ONNXOperators.GEMM, Arrays.asList(shrunk, u), "ease_back", transB);
        ONNXNode collab = back.apply(ONNXOperators.MUL, d);

        // Explanations: contributions[l][c] = ((w_l^p · a_l) · U[l]) ⊙ s · U[c]ᵀ · d_c, from gathered rows only.
        ONNXNode likedRows = onnx.operation(ONNXOperators.GATHER, Arrays.asList(u, explainItems), "liked_rows", axis0);
        ONNXNode likedWeight = explainWeights.apply(ONNXOperators.POW, power)
                .apply(ONNXOperators.MUL, onnx.operation(ONNXOperators.GATHER, Arrays.asList(a, explainItems),
                        "liked_scale", axis0))
                .apply(ONNXOperators.UNSQUEEZE, onnx.array("column_axis", new long[]{1}));
        ONNXNode likedLatent = likedRows.apply(ONNXOperators.MUL, likedWeight).apply(ONNXOperators.MUL, s);
        ONNXNode targetRows = onnx.operation(ONNXOperators.GATHER, Arrays.asList(u, explainTargets), "target_rows", axis0);
        ONNXNode targetScale = onnx.operation(ONNXOperators.GATHER, Arrays.asList(d, explainTargets), "target_scale", axis0);
        onnx.operation(ONNXOperators.GEMM, Arrays.asList(likedLatent, targetRows), "explained", transB)
                .apply(ONNXOperators.MUL, targetScale).assignTo(contributions);

        ONNXNode popular = profileModel.writeONNXGraph(profile);
        int[] idOfColumn = ProfileRegression.outputIdOfColumn(profileModel, n);
        if (!isIdentity(idOfColumn)) {
            // Tribuo's output ids are not in column order: gather the columns back into catalog order.
            long[] indices = new long[n];
            for (int j = 0; j < n; j++) {
                indices[j] = idOfColumn[j];
            }
            popular = popular.apply(ONNXOperators.GATHER, onnx.array("profile_column_order", indices),
                    Collections.singletonMap("axis", 1));
        }
        ONNXNode weighted = popular.apply(ONNXOperators.MUL, onnx.constant("beta", model.beta()));
        collab.apply(ONNXOperators.ADD, weighted).assignTo(scores);
        OnnxMl.GraphProto graph = GraphTypes.explanationInputs(onnx.buildGraph());
        return f.hasInt8Basis() ? CompactStorage.apply(graph) : graph;
    }

    /**
     * The ONNX file. The model id is derived from the graph bytes (so it can be stored inside the file), and the
     * metadata holds only the id, the encoder version and the hash of the full training record.
     */
    public static Exported export(HybridModel model, LinearSGDModel profileModel, String provenanceSha256) {
        OnnxMl.GraphProto graph = graph(model, profileModel);
        String modelId = "privrec-" + sha256Hex(graph.toByteArray()).substring(0, 16);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("model_id", modelId);
        metadata.put("encoder_version", Integer.toString(Encoder.VERSION));
        metadata.put("provenance_sha256", provenanceSha256);
        OnnxMl.ModelProto.Builder builder = OnnxMl.ModelProto.newBuilder()
                .setGraph(graph)
                .setDomain(DOMAIN)
                .setProducerName(PRODUCER)
                .setProducerVersion("tribuo-" + Tribuo.VERSION)
                .setModelVersion(1)
                .addOpsetImport(ONNXOperators.getOpsetProto())
                .setIrVersion(6);
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            builder.addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder()
                    .setKey(entry.getKey()).setValue(entry.getValue()).build());
        }
        OnnxMl.ModelProto proto = builder.build();
        return new Exported(proto.toByteArray(), modelId, proto);
    }

    private static boolean isIdentity(int[] permutation) {
        for (int i = 0; i < permutation.length; i++) {
            if (permutation[i] != i) {
                return false;
            }
        }
        return true;
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
