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
 *   latent  = Mul(Σ_{h[b,j] ≠ 0} h[b,j]^p · a'_j · U[j], s)              low-rank EASE code [B, k], from the
 *                                                                        history's rows of U only (NonZero, Gather)
 *   profile = Pad(Mul(Tribuo LinearSGDModel.writeONNXGraph(profile), β))  Gemm(profile, V, c): [B, k'] → [B, k]
 *   back    = Gemm(Concat(latent, profile, axis 0), U, transB=1)          one pass over U for both [2B, n]
 *   scores  = Add(Add(Mul(back[0:B], d ⊙ r), Mul(back[B:2B], r)), m ⊙ β) Split in half; m = MostPopular rates
 *   contributions = Mul(Gemm(Mul(Mul(Gather(U, items), Unsqueeze(Mul(Pow(weights, p), Gather(a', items)), 1)), s),
 *                            Gather(U, targets), transB=1), Gather(d ⊙ r, targets))     explanations
 * </pre>
 * U holds the int8 codes of the item basis and r its row scales ({@code CollaborativeFactors#quantized}). The
 * graph is stored as a release of parts ({@link ReleaseStorage}): the basis (U, r, a') in external-data chunks that
 * a model update keeps byte for byte, everything else inline.
 * The model proto is assembled here rather than by {@code ONNXExportable.buildModel}, which would embed Tribuo's
 * full training provenance (paths, host, timestamps) in the shipped file. Only {@link #METADATA_KEYS} go in.
 */
public final class OnnxExport {
    public static final String DOMAIN = "privrec";
    public static final String PRODUCER = "privrec-trainer";
    /** Name of the item basis (n × k codes), its row scales r and the input weights a' (n each). */
    static final String BASIS = "ease_u";
    static final String ROW_SCALE = "item_row_scale";
    static final String INPUT_SCALE = "input_scale";
    /** The low-rank EASE code of the history, [B, k]. */
    static final String LATENT = "latent";
    public static final List<String> METADATA_KEYS = List.of("model_id", "encoder_version", "provenance_sha256");

    /**
     * The serialized graph, its id, and the external-data chunks it names (file name → bytes, in graph order).
     */
    public record Exported(byte[] bytes, String modelId, OnnxMl.ModelProto proto, Map<String, byte[]> basisChunks) {
    }

    private OnnxExport() {
    }

    /** The float graph before storage: every initializer float32, the basis as one tensor. */
    static OnnxMl.GraphProto graph(HybridModel model, LinearSGDModel profileModel) {
        int n = model.itemCount();
        CollaborativeFactors f = model.collab();
        if (!f.hasInt8Basis()) {
            throw new IllegalArgumentException("the basis is not quantized: export a quantized model");
        }
        ONNXContext onnx = new ONNXContext();
        onnx.setName("privrec_hybrid");
        onnx.floatInput(Manifest.HISTORY_INPUT, n); // read by the sparse part below
        ONNXPlaceholder profile = onnx.floatInput(Manifest.PROFILE_INPUT, Encoder.profileWidth());
        // Typed and shaped for real by GraphTypes below: Tribuo's context only makes [batch, width] float inputs.
        ONNXPlaceholder explainItems = onnx.floatInput(Manifest.EXPLAIN_ITEMS_INPUT, 1);
        ONNXPlaceholder explainWeights = onnx.floatInput(Manifest.EXPLAIN_WEIGHTS_INPUT, 1);
        ONNXPlaceholder explainTargets = onnx.floatInput(Manifest.EXPLAIN_TARGETS_INPUT, 1);
        onnx.floatOutput(Manifest.SCORES_OUTPUT, n);
        ONNXPlaceholder contributions = onnx.floatOutput(Manifest.CONTRIBUTIONS_OUTPUT, 1);

        ONNXInitializer u = onnx.floatTensor(BASIS, Arrays.asList(n, f.rank()), fb -> fb.put(f.u()));
        ONNXInitializer r = onnx.array(ROW_SCALE, f.rowScale());
        ONNXInitializer s = onnx.array("ease_shrink", f.s());
        ONNXInitializer d = onnx.array("ease_scale", f.d());
        ONNXInitializer power = onnx.constant("input_power", f.inputPower());
        ONNXInitializer a = onnx.array(INPUT_SCALE, f.inputScale());
        ONNXNode dr = d.apply(ONNXOperators.MUL, r);
        // Scalars for the sparse history part, which is added to the proto below (Tribuo has no NonZero).
        ONNXInitializer index0 = onnx.constant("index_0", 0L);
        ONNXInitializer index1 = onnx.constant("index_1", 1L);
        ONNXInitializer step = onnx.constant("range_step", 1L);
        Map<String, Object> transB = Collections.singletonMap("transB", 1);
        Map<String, Object> axis0 = Collections.singletonMap("axis", 0);

        ONNXNode code = profileModel.writeONNXGraph(profile);
        int[] idOfColumn = ProfileRegression.outputIdOfColumn(profileModel, model.profile().itemCount());
        if (!isIdentity(idOfColumn)) {
            // Tribuo's output ids are not in column order: gather the columns back into basis order.
            long[] indices = new long[idOfColumn.length];
            for (int j = 0; j < indices.length; j++) {
                indices[j] = idOfColumn[j];
            }
            code = code.apply(ONNXOperators.GATHER, onnx.array("profile_column_order", indices),
                    Collections.singletonMap("axis", 1));
        }
        ONNXInitializer beta = onnx.constant("beta", model.beta());
        ONNXNode weighted = code.apply(ONNXOperators.MUL, beta);
        ONNXNode popular = onnx.array("profile_baseline", model.baseline()).apply(ONNXOperators.MUL, beta);
        int profileRank = model.profile().itemCount();
        // The profile code covers the leading basis columns only; Pad fills the rest with zeros.
        ONNXInitializer pads = onnx.array("profile_pads", new long[]{0, 0, 0, f.rank() - profileRank});

        // Explanations: contributions[l][c] = ((w_l^p · a'_l) · U[l]) ⊙ s · U[c]ᵀ · (d ⊙ r)_c, from gathered rows only.
        ONNXNode likedRows = onnx.operation(ONNXOperators.GATHER, Arrays.asList(u, explainItems), "liked_rows", axis0);
        ONNXInitializer columnAxis = onnx.array("column_axis", new long[]{1});
        ONNXNode likedWeight = explainWeights.apply(ONNXOperators.POW, power)
                .apply(ONNXOperators.MUL, onnx.operation(ONNXOperators.GATHER, Arrays.asList(a, explainItems),
                        "liked_scale", axis0))
                .apply(ONNXOperators.UNSQUEEZE, columnAxis);
        ONNXNode likedLatent = likedRows.apply(ONNXOperators.MUL, likedWeight).apply(ONNXOperators.MUL, s);
        ONNXNode targetRows = onnx.operation(ONNXOperators.GATHER, Arrays.asList(u, explainTargets), "target_rows", axis0);
        ONNXNode targetScale = onnx.operation(ONNXOperators.GATHER, Arrays.asList(dr, explainTargets), "target_scale", axis0);
        onnx.operation(ONNXOperators.GEMM, Arrays.asList(likedLatent, targetRows), "explained", transB)
                .apply(ONNXOperators.MUL, targetScale).assignTo(contributions);

        OnnxMl.GraphProto graph = GraphTypes.explanationInputs(onnx.buildGraph());
        // Tribuo's operator set has no Pad or Split: the last nodes are added to the proto directly.
        Map<String, Long> transposed = Map.of("transB", 1L);
        OnnxMl.GraphProto.Builder out = graph.toBuilder();
        sparseLatent(out, u.getReference(), a.getReference(), power.getReference(), s.getReference(),
                index0.getReference(), index1.getReference(), step.getReference(), columnAxis.getReference());
        return out
                .addNode(node("Pad", "pad_profile", List.of(weighted.getReference(), pads.getReference()),
                        List.of("profile_code"), Map.of()))
                .addNode(node("Concat", "codes", List.of(LATENT, "profile_code"), List.of("codes"),
                        Map.of("axis", 0L)))
                .addNode(node("Gemm", "back", List.of("codes", u.getReference()), List.of("back"), transposed))
                .addNode(node("Split", "split_back", List.of("back"), List.of("collab_back", "profile_back"),
                        Map.of("axis", 0L)))
                .addNode(node("Mul", "collab_scaled", List.of("collab_back", dr.getReference()),
                        List.of("collab_scores"), Map.of()))
                .addNode(node("Mul", "profile_scaled", List.of("profile_back", r.getReference()),
                        List.of("profile_scores"), Map.of()))
                .addNode(node("Add", "personal_sum", List.of("collab_scores", "profile_scores"),
                        List.of("personal_scores"), Map.of()))
                .addNode(node("Add", "scores_sum", List.of("personal_scores", popular.getReference()),
                        List.of(Manifest.SCORES_OUTPUT), Map.of()))
                .build();
    }

    /**
     * {@code latent = Mul(z, s)}, z [B, k] the weighted sum of the basis rows of each history row's nonzero
     * entries: {@code z[b] = Σ_{j: h[b,j] ≠ 0} h[b,j]^p · a'_j · U[j]}. The same value as
     * {@code Gemm(Mul(Pow(history, p), a'), U)}, but a run reads only the rows of the movies in the history instead
     * of the whole n × k basis, which was half of a scoring run's memory traffic at 87,000 movies. The row of each
     * entry is matched to the batch by a mask ({@code Equal(rows, Range(0, B))}) and one MatMul, so batches of
     * several users (evaluation) and of none (an explanation run) take the same path; an empty history gives z = 0.
     */
    private static void sparseLatent(OnnxMl.GraphProto.Builder out, String u, String a, String power, String s,
                                     String index0, String index1, String step, String columnAxis) {
        String h = Manifest.HISTORY_INPUT;
        out.addNode(node("NonZero", "history_nonzero", List.of(h), List.of("nz"), Map.of()))
                .addNode(transpose("nz", "nz_pairs"))
                .addNode(node("GatherND", "nz_values", List.of(h, "nz_pairs"), List.of("nz_values"), Map.of()))
                .addNode(node("Gather", "nz_rows", List.of("nz", index0), List.of("nz_rows"), Map.of("axis", 0L)))
                .addNode(node("Gather", "nz_cols", List.of("nz", index1), List.of("nz_cols"), Map.of("axis", 0L)))
                .addNode(node("Pow", "nz_powered", List.of("nz_values", power), List.of("nz_powered"), Map.of()))
                .addNode(node("Gather", "nz_scale", List.of(a, "nz_cols"), List.of("nz_scale"), Map.of("axis", 0L)))
                .addNode(node("Mul", "nz_weight", List.of("nz_powered", "nz_scale"), List.of("nz_weight"), Map.of()))
                .addNode(node("Unsqueeze", "nz_weight_column", List.of("nz_weight", columnAxis),
                        List.of("nz_weight_column"), Map.of()))
                .addNode(node("Gather", "nz_basis_rows", List.of(u, "nz_cols"), List.of("nz_basis_rows"),
                        Map.of("axis", 0L)))
                .addNode(node("Mul", "nz_latent", List.of("nz_basis_rows", "nz_weight_column"), List.of("nz_latent"),
                        Map.of()))
                .addNode(node("Shape", "history_shape", List.of(h), List.of("history_shape"), Map.of()))
                .addNode(node("Gather", "batch_size", List.of("history_shape", index0), List.of("batch_size"),
                        Map.of("axis", 0L)))
                .addNode(node("Range", "batch_rows", List.of(index0, "batch_size", step), List.of("batch_rows"),
                        Map.of()))
                .addNode(node("Unsqueeze", "nz_rows_column", List.of("nz_rows", columnAxis), List.of("nz_rows_column"),
                        Map.of()))
                .addNode(node("Equal", "nz_in_row", List.of("nz_rows_column", "batch_rows"), List.of("nz_in_row"),
                        Map.of()))
                .addNode(node("Cast", "nz_row_mask", List.of("nz_in_row"), List.of("nz_row_mask"),
                        Map.of("to", (long) OnnxMl.TensorProto.DataType.FLOAT.getNumber())))
                .addNode(transpose("nz_row_mask", "row_nz_mask"))
                // MatMul, not Gemm: with an empty history (K = 0) ONNX Runtime's MatMul writes zeros.
                .addNode(node("MatMul", "latent_sum", List.of("row_nz_mask", "nz_latent"), List.of("latent_sum"),
                        Map.of()))
                .addNode(node("Mul", "latent", List.of("latent_sum", s), List.of(LATENT), Map.of()));
    }

    private static OnnxMl.NodeProto transpose(String input, String output) {
        return node("Transpose", output, List.of(input), List.of(output), Map.of()).toBuilder()
                .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("perm")
                        .setType(OnnxMl.AttributeProto.AttributeType.INTS).addInts(1).addInts(0))
                .build();
    }

    private static OnnxMl.NodeProto node(String op, String name, List<String> inputs, List<String> outputs,
                                         Map<String, Long> attributes) {
        OnnxMl.NodeProto.Builder node = OnnxMl.NodeProto.newBuilder().setOpType(op).setName(name)
                .addAllInput(inputs).addAllOutput(outputs);
        attributes.forEach((key, value) -> node.addAttribute(OnnxMl.AttributeProto.newBuilder().setName(key)
                .setType(OnnxMl.AttributeProto.AttributeType.INT).setI(value)));
        return node.build();
    }

    /**
     * The ONNX file. The model id is derived from the graph bytes (so it can be stored inside the file), and the
     * metadata holds only the id, the encoder version and the hash of the full training record.
     */
    /**
     * @param chunkSizes how many basis rows each external-data chunk holds, in order (one chunk after a full train;
     *                   an update appends one for the movies it adds)
     */
    public static Exported export(HybridModel model, LinearSGDModel profileModel, int[] chunkSizes,
                                  String provenanceSha256) {
        ReleaseStorage.Stored stored = ReleaseStorage.apply(graph(model, profileModel), chunkSizes);
        OnnxMl.GraphProto graph = stored.graph();
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
        return new Exported(proto.toByteArray(), modelId, proto, stored.chunks());
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
