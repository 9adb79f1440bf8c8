package privrec.trainer.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;

import privrec.trainer.model.Int8;

/**
 * Stores the graph's two large matrices as int8 (a quarter of float32) and casts them back in the graph:
 * <ul>
 *   <li>the item basis {@code ease_u} (n × k), whose values are already int8 codes (the row scales live in the
 *       item vectors, {@code CollaborativeFactors#quantized}): {@code ease_u = Cast(ease_u_int8)};</li>
 *   <li>Tribuo's profile weights {@code linear_sgd_weights} (30 × n): int8 codes with one scale per item column,
 *       {@code W = Mul(Cast(profile_w_int8), profile_w_scale)}, computed from the same float32 values as
 *       {@code ProfileWeights#quantized}, so the in-memory model holds the same numbers.</li>
 * </ul>
 * Both expressions depend on initializers only, so ONNX Runtime's constant folding turns them into float32
 * tensors once, when the session is created: runs cost what they cost before. Cast rather than DequantizeLinear,
 * which ONNX Runtime deliberately leaves unfolded (it keeps QDQ pairs for its quantized kernels).
 */
final class Int8Initializers {
    static final String BASIS_CODES = "ease_u_int8";
    static final String PROFILE_CODES = "profile_w_int8";
    static final String PROFILE_SCALE = "profile_w_scale";

    private Int8Initializers() {
    }

    static OnnxMl.GraphProto apply(OnnxMl.GraphProto graph) {
        OnnxMl.GraphProto.Builder out = graph.toBuilder().clearInitializer();
        List<OnnxMl.NodeProto> front = new ArrayList<>();
        boolean basis = false;
        boolean profile = false;
        for (OnnxMl.TensorProto t : graph.getInitializerList()) {
            if (t.getName().startsWith(OnnxExport.BASIS + "_") && t.getDimsCount() == 2) {
                float[] codes = floats(t);
                if (!Int8.isCodes(codes)) {
                    throw new IllegalStateException("the basis is not quantized: export a quantized model");
                }
                byte[] bytes = new byte[codes.length];
                for (int i = 0; i < codes.length; i++) {
                    bytes[i] = (byte) codes[i];
                }
                out.addInitializer(int8(BASIS_CODES, t.getDimsList(), bytes));
                front.add(cast(BASIS_CODES, t.getName()));
                basis = true;
            } else if (t.getName().startsWith("linear_sgd_weights") && t.getDimsCount() == 2) {
                int rows = (int) t.getDims(0);
                int cols = (int) t.getDims(1);
                float[] w = floats(t);
                float[] scale = new float[cols];
                byte[] bytes = new byte[w.length];
                for (int j = 0; j < cols; j++) {
                    float max = 0f;
                    for (int f = 0; f < rows; f++) {
                        max = Math.max(max, Math.abs(w[f * cols + j]));
                    }
                    scale[j] = Int8.scale(max);
                    for (int f = 0; f < rows; f++) {
                        bytes[f * cols + j] = Int8.code(w[f * cols + j], scale[j]);
                    }
                }
                out.addInitializer(int8(PROFILE_CODES, t.getDimsList(), bytes));
                out.addInitializer(float32(PROFILE_SCALE, scale));
                front.add(cast(PROFILE_CODES, PROFILE_CODES + "_float"));
                front.add(OnnxMl.NodeProto.newBuilder().setOpType("Mul").setName("profile_w_dequantize")
                        .addInput(PROFILE_CODES + "_float").addInput(PROFILE_SCALE).addOutput(t.getName()).build());
                profile = true;
            } else {
                out.addInitializer(t);
            }
        }
        if (!basis || !profile) {
            throw new IllegalStateException("graph lacks the basis or the profile weights to quantize");
        }
        out.clearNode();
        out.addAllNode(front);
        out.addAllNode(graph.getNodeList());
        return out.build();
    }

    private static OnnxMl.NodeProto cast(String from, String to) {
        return OnnxMl.NodeProto.newBuilder().setOpType("Cast").setName(to + "_cast").addInput(from).addOutput(to)
                .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("to")
                        .setType(OnnxMl.AttributeProto.AttributeType.INT)
                        .setI(OnnxMl.TensorProto.DataType.FLOAT.getNumber()))
                .build();
    }

    private static OnnxMl.TensorProto int8(String name, List<Long> dims, byte[] codes) {
        return OnnxMl.TensorProto.newBuilder().setName(name).setDataType(OnnxMl.TensorProto.DataType.INT8.getNumber())
                .addAllDims(dims).setRawData(ByteString.copyFrom(codes)).build();
    }

    private static OnnxMl.TensorProto float32(String name, float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return OnnxMl.TensorProto.newBuilder().setName(name).setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                .addDims(values.length).setRawData(ByteString.copyFrom(buffer.array())).build();
    }

    static float[] floats(OnnxMl.TensorProto t) {
        if (t.getDataType() != OnnxMl.TensorProto.DataType.FLOAT.getNumber()) {
            throw new IllegalStateException(t.getName() + " is not float32");
        }
        if (!t.getRawData().isEmpty()) {
            float[] out = new float[t.getRawData().size() / 4];
            t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            return out;
        }
        float[] out = new float[t.getFloatDataCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.getFloatData(i);
        }
        return out;
    }
}
