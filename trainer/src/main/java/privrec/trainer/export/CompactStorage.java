package privrec.trainer.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;

import privrec.trainer.model.Half;
import privrec.trainer.model.Int8;

/**
 * Stores a quantized model's weights compactly and restores them in the graph:
 * <ul>
 *   <li>the item basis {@code ease_u} (n × k), whose values are already int8 codes (the row scales live in the
 *       item vectors, {@code CollaborativeFactors#quantized}): {@code ease_u = Cast(ease_u_int8)};</li>
 *   <li>Tribuo's profile weights {@code linear_sgd_weights} (30 × n): int8 codes with one scale per item column,
 *       {@code W = Mul(Cast(profile_w_int8), profile_w_scale)}, and Tribuo's bias rounded to float16, computed from
 *       the same float32 values as {@code ProfileWeights#quantized} ({@link Int8#columns}, {@link Half#round}), so
 *       the in-memory model holds the same numbers;</li>
 *   <li>every float32 vector whose values are exactly float16 · 2^-e ({@link Half#exact}: the item vectors a', d',
 *       the column scales and the bias, as quantization left them) as float16:
 *       {@code v = Mul(Cast(v_f16), 2^-e)}, which loses nothing.</li>
 * </ul>
 * Every restoring node depends on initializers only, so ONNX Runtime's constant folding turns them into float32
 * tensors once, when the session is created (checked: the optimized graph holds no Cast), and a run costs what it
 * did in float32. Cast rather than DequantizeLinear, which ONNX Runtime deliberately leaves unfolded (it keeps QDQ
 * pairs for its quantized kernels), so it would dequantize on every run.
 */
final class CompactStorage {
    static final String BASIS_CODES = "ease_u_int8";
    static final String PROFILE_CODES = "profile_w_int8";
    static final String PROFILE_SCALE = "profile_w_scale";
    /** Vectors shorter than this stay float32: the Cast and Mul would cost more bytes than they save. */
    static final int MIN_FLOAT16_LENGTH = 32;

    private CompactStorage() {
    }

    static OnnxMl.GraphProto apply(OnnxMl.GraphProto graph) {
        List<OnnxMl.TensorProto> stored = new ArrayList<>();
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
                stored.add(int8(BASIS_CODES, t.getDimsList(), bytes));
                front.add(cast(BASIS_CODES, t.getName()));
                basis = true;
            } else if (t.getName().startsWith("linear_sgd_weights") && t.getDimsCount() == 2) {
                Int8.Columns w = Int8.columns(floats(t), (int) t.getDims(0), (int) t.getDims(1));
                stored.add(int8(PROFILE_CODES, t.getDimsList(), w.codes()));
                stored.add(float32(PROFILE_SCALE, w.scales()));
                front.add(cast(PROFILE_CODES, PROFILE_CODES + "_float"));
                front.add(node("Mul", "profile_w_dequantize", t.getName(), PROFILE_CODES + "_float", PROFILE_SCALE));
                profile = true;
            } else if (t.getName().startsWith("linear_sgd_bias") && t.getDimsCount() == 1) {
                stored.add(float32(t.getName(), Half.round(floats(t))));
            } else {
                stored.add(t);
            }
        }
        if (!basis || !profile) {
            throw new IllegalStateException("graph lacks the basis or the profile weights to quantize");
        }
        OnnxMl.GraphProto.Builder out = graph.toBuilder().clearInitializer().clearNode();
        for (OnnxMl.TensorProto t : stored) {
            Half.Vector half = t.getDataType() == OnnxMl.TensorProto.DataType.FLOAT.getNumber()
                    && t.getDimsCount() == 1 && t.getDims(0) >= MIN_FLOAT16_LENGTH ? Half.exact(floats(t)) : null;
            if (half == null) {
                out.addInitializer(t);
                continue;
            }
            String bits = t.getName() + "_f16";
            String scale = t.getName() + "_f16_scale";
            out.addInitializer(float16(bits, half.bits()));
            out.addInitializer(OnnxMl.TensorProto.newBuilder().setName(scale)
                    .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                    .addFloatData(Math.scalb(1f, -half.exponent())).build());
            front.add(cast(bits, bits + "_float"));
            front.add(node("Mul", t.getName() + "_restore", t.getName(), bits + "_float", scale));
        }
        // Restoring nodes first: ONNX wants nodes in topological order, and they read initializers only.
        out.addAllNode(front);
        out.addAllNode(graph.getNodeList());
        return out.build();
    }

    private static OnnxMl.NodeProto node(String op, String name, String output, String... inputs) {
        OnnxMl.NodeProto.Builder node = OnnxMl.NodeProto.newBuilder().setOpType(op).setName(name).addOutput(output);
        for (String input : inputs) {
            node.addInput(input);
        }
        return node.build();
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

    private static OnnxMl.TensorProto float16(String name, short[] bits) {
        ByteBuffer buffer = ByteBuffer.allocate(bits.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asShortBuffer().put(bits);
        return OnnxMl.TensorProto.newBuilder().setName(name)
                .setDataType(OnnxMl.TensorProto.DataType.FLOAT16.getNumber())
                .addDims(bits.length).setRawData(ByteString.copyFrom(buffer.array())).build();
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
