package privrec.trainer.export;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;

import privrec.core.Manifest;
import privrec.core.privacy.BasisChunk;
import privrec.trainer.model.Half;
import privrec.trainer.model.Int8;

/**
 * Stores a quantized model's graph as a release of parts and restores every weight in the graph:
 * <ul>
 *   <li>the item basis: {@code ease_u} (int8 codes, n × k), its row scales {@code item_row_scale} and the input
 *       weights {@code input_scale} (float16) go to external-data chunks, one file per chunk of rows
 *       ({@code basis-<hash>.bin}: a 64-byte header, then codes, r and a', each at a 64-byte boundary,
 *       as {@link BasisChunk} reads them). The graph restores each
 *       chunk ({@code Cast}, and {@code Mul} by the chunk's power of two for the float16 vectors) and concatenates
 *       the chunks. A chunk's bytes depend only on its rows, so a model update that keeps the basis writes the base
 *       release's chunks again byte for byte and adds one for new movies;</li>
 *   <li>Tribuo's profile weights {@code linear_sgd_weights} (30 × k): int8 codes with one scale per column, computed
 *       from the same float32 values as {@code ProfileWeights#quantized} ({@link Int8#columns});</li>
 *   <li>every other float32 vector whose values are exactly float16 · 2^-e ({@link Half#exact}: d, the column
 *       scales, the profile bias) as float16, inline.</li>
 * </ul>
 * Every restoring node depends on initializers only, so ONNX Runtime's constant folding turns them into float32
 * tensors once, when the session is created, and a run costs what it did in float32. Cast rather than
 * DequantizeLinear, which ONNX Runtime deliberately leaves unfolded (it keeps QDQ pairs for its quantized kernels).
 */
final class ReleaseStorage {
    static final String PROFILE_CODES = "profile_w_int8";
    static final String PROFILE_SCALE = "profile_w_scale";
    /** Vectors shorter than this stay float32: the Cast and Mul would cost more bytes than they save. */
    static final int MIN_FLOAT16_LENGTH = 32;
    /** Tensor offsets inside a chunk file are multiples of this. */
    static final int ALIGNMENT = 64;

    /** The stored graph and its external-data chunks (file name → bytes, in graph order). */
    record Stored(OnnxMl.GraphProto graph, Map<String, byte[]> chunks) {
    }

    private ReleaseStorage() {
    }

    static Stored apply(OnnxMl.GraphProto graph, int[] chunkSizes) {
        OnnxMl.TensorProto basis = null;
        OnnxMl.TensorProto rowScale = null;
        OnnxMl.TensorProto inputScale = null;
        List<OnnxMl.TensorProto> stored = new ArrayList<>();
        List<OnnxMl.NodeProto> front = new ArrayList<>();
        for (OnnxMl.TensorProto t : graph.getInitializerList()) {
            // Tribuo's context names initializers <base name>_<counter>.
            if (t.getName().startsWith(OnnxExport.BASIS + "_") && t.getDimsCount() == 2) {
                basis = t;
            } else if (t.getName().startsWith(OnnxExport.ROW_SCALE + "_")) {
                rowScale = t;
            } else if (t.getName().startsWith(OnnxExport.INPUT_SCALE + "_")) {
                inputScale = t;
            } else if (t.getName().startsWith("linear_sgd_weights") && t.getDimsCount() == 2) {
                Int8.Columns w = Int8.columns(floats(t), (int) t.getDims(0), (int) t.getDims(1));
                stored.add(int8(PROFILE_CODES, t.getDimsList(), w.codes()));
                stored.add(float32(PROFILE_SCALE, w.scales()));
                front.add(cast(PROFILE_CODES, PROFILE_CODES + "_float"));
                front.add(node("Mul", "profile_w_dequantize", t.getName(), PROFILE_CODES + "_float", PROFILE_SCALE));
            } else if (t.getName().startsWith("linear_sgd_bias") && t.getDimsCount() == 1) {
                stored.add(float32(t.getName(), Half.round(floats(t))));
            } else {
                stored.add(t);
            }
        }
        if (basis == null || rowScale == null || inputScale == null) {
            throw new IllegalStateException("graph lacks the item basis, its row scales or the input weights");
        }
        OnnxMl.GraphProto.Builder out = graph.toBuilder().clearInitializer().clearNode();
        Map<String, byte[]> chunks = chunks(basis, rowScale, inputScale, chunkSizes, out, front);
        for (OnnxMl.TensorProto t : stored) {
            Half.Vector half = t.getDataType() == OnnxMl.TensorProto.DataType.FLOAT.getNumber()
                    && t.getDimsCount() == 1 && t.getDims(0) >= MIN_FLOAT16_LENGTH ? Half.exact(floats(t)) : null;
            if (half == null) {
                out.addInitializer(t);
                continue;
            }
            restoreHalf(t.getName(), half, float16(t.getName() + "_f16", half.bits()), out, front);
        }
        // Restoring nodes first: ONNX wants nodes in topological order, and they read initializers only.
        out.addAllNode(front);
        out.addAllNode(graph.getNodeList());
        return new Stored(out.build(), chunks);
    }

    /** Splits U, r and a' into row chunks, each one external-data file, and adds the nodes that join them. */
    private static Map<String, byte[]> chunks(OnnxMl.TensorProto basis, OnnxMl.TensorProto rowScale,
                                              OnnxMl.TensorProto inputScale, int[] chunkSizes,
                                              OnnxMl.GraphProto.Builder out, List<OnnxMl.NodeProto> front) {
        float[] codes = floats(basis);
        float[] r = floats(rowScale);
        float[] a = floats(inputScale);
        int n = (int) basis.getDims(0);
        int k = (int) basis.getDims(1);
        int total = 0;
        for (int size : chunkSizes) {
            if (size < 1) {
                throw new IllegalArgumentException("a basis chunk must hold at least one row");
            }
            total += size;
        }
        if (total != n || !Int8.isCodes(codes)) {
            throw new IllegalStateException("the basis is not " + n + " rows of int8 codes in chunks of " + total);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> uParts = new ArrayList<>();
        List<String> rParts = new ArrayList<>();
        List<String> aParts = new ArrayList<>();
        int start = 0;
        for (int c = 0; c < chunkSizes.length; c++) {
            int rows = chunkSizes[c];
            byte[] q = new byte[rows * k];
            for (int i = 0; i < q.length; i++) {
                q[i] = (byte) codes[start * k + i];
            }
            Half.Vector rHalf = exact(slice(r, start, rows), OnnxExport.ROW_SCALE);
            Half.Vector aHalf = exact(slice(a, start, rows), OnnxExport.INPUT_SCALE);
            ChunkFile file = new ChunkFile();
            file.add(chunkHeader(rows, k, rHalf.exponent(), aHalf.exponent()));
            long qAt = file.add(q);
            long rAt = file.add(littleEndian(rHalf.bits()));
            long aAt = file.add(littleEndian(aHalf.bits()));
            byte[] bytes = file.bytes();
            int[] layout = BasisChunk.offsets(rows, k);
            if (qAt != layout[0] || rAt != layout[1] || aAt != layout[2] || bytes.length != layout[3]) {
                throw new IllegalStateException("basis chunk layout differs from the one BasisChunk reads");
            }
            String name = Manifest.partName(Manifest.BASIS_ROLE, OnnxExport.sha256Hex(bytes), "bin");
            if (files.put(name, bytes) != null) {
                throw new IllegalStateException("two basis chunks have the same bytes");
            }
            String prefix = "basis_" + c;
            out.addInitializer(external(prefix + "_codes", OnnxMl.TensorProto.DataType.INT8, List.of((long) rows,
                    (long) k), name, qAt, q.length));
            out.addInitializer(external(prefix + "_row_scale_f16", OnnxMl.TensorProto.DataType.FLOAT16,
                    List.of((long) rows), name, rAt, rows * 2L));
            out.addInitializer(external(prefix + "_input_scale_f16", OnnxMl.TensorProto.DataType.FLOAT16,
                    List.of((long) rows), name, aAt, rows * 2L));
            front.add(cast(prefix + "_codes", prefix + "_u"));
            uParts.add(prefix + "_u");
            rParts.add(restoreExternal(prefix + "_row_scale", rHalf, out, front));
            aParts.add(restoreExternal(prefix + "_input_scale", aHalf, out, front));
            start += rows;
        }
        front.add(concat(basis.getName(), uParts));
        front.add(concat(rowScale.getName(), rParts));
        front.add(concat(inputScale.getName(), aParts));
        return files;
    }

    /** The chunk's self-description ({@link BasisChunk}), so a browser can read basis rows without the graph. */
    private static byte[] chunkHeader(int rows, int k, int rowExponent, int inputExponent) {
        ByteBuffer header = ByteBuffer.allocate(ALIGNMENT).order(ByteOrder.LITTLE_ENDIAN);
        header.put(BasisChunk.MAGIC.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        header.putInt(rows).putInt(k).putInt(rowExponent).putInt(inputExponent);
        return header.array();
    }

    private static Half.Vector exact(float[] values, String what) {
        Half.Vector half = Half.exact(values);
        if (half == null) {
            throw new IllegalStateException(what + " is not float16 as quantization leaves it");
        }
        return half;
    }

    private static String restoreExternal(String name, Half.Vector half, OnnxMl.GraphProto.Builder out,
                                          List<OnnxMl.NodeProto> front) {
        out.addInitializer(scalar(name + "_unit", Math.scalb(1f, -half.exponent())));
        front.add(cast(name + "_f16", name + "_f16_float"));
        front.add(node("Mul", name + "_restore", name, name + "_f16_float", name + "_unit"));
        return name;
    }

    private static void restoreHalf(String name, Half.Vector half, OnnxMl.TensorProto bits,
                                    OnnxMl.GraphProto.Builder out, List<OnnxMl.NodeProto> front) {
        out.addInitializer(bits);
        out.addInitializer(scalar(name + "_f16_scale", Math.scalb(1f, -half.exponent())));
        front.add(cast(bits.getName(), bits.getName() + "_float"));
        front.add(node("Mul", name + "_restore", name, bits.getName() + "_float", name + "_f16_scale"));
    }

    /** A chunk file being laid out: tensors appended at aligned offsets. */
    private static final class ChunkFile {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        long add(byte[] data) {
            while (bytes.size() % ALIGNMENT != 0) {
                bytes.write(0);
            }
            long at = bytes.size();
            bytes.write(data, 0, data.length);
            return at;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    private static OnnxMl.TensorProto external(String name, OnnxMl.TensorProto.DataType type, List<Long> dims,
                                               String location, long offset, long length) {
        return OnnxMl.TensorProto.newBuilder().setName(name).setDataType(type.getNumber()).addAllDims(dims)
                .setDataLocation(OnnxMl.TensorProto.DataLocation.EXTERNAL)
                .addExternalData(entry("location", location))
                .addExternalData(entry("offset", Long.toString(offset)))
                .addExternalData(entry("length", Long.toString(length)))
                .build();
    }

    private static OnnxMl.StringStringEntryProto entry(String key, String value) {
        return OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    private static float[] slice(float[] values, int start, int length) {
        float[] out = new float[length];
        System.arraycopy(values, start, out, 0, length);
        return out;
    }

    private static byte[] littleEndian(short[] bits) {
        ByteBuffer buffer = ByteBuffer.allocate(bits.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asShortBuffer().put(bits);
        return buffer.array();
    }

    private static OnnxMl.NodeProto node(String op, String name, String output, String... inputs) {
        OnnxMl.NodeProto.Builder node = OnnxMl.NodeProto.newBuilder().setOpType(op).setName(name).addOutput(output);
        for (String input : inputs) {
            node.addInput(input);
        }
        return node.build();
    }

    private static OnnxMl.NodeProto concat(String output, List<String> inputs) {
        return OnnxMl.NodeProto.newBuilder().setOpType("Concat").setName(output + "_concat").addAllInput(inputs)
                .addOutput(output)
                .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("axis")
                        .setType(OnnxMl.AttributeProto.AttributeType.INT).setI(0))
                .build();
    }

    private static OnnxMl.NodeProto cast(String from, String to) {
        return OnnxMl.NodeProto.newBuilder().setOpType("Cast").setName(to + "_cast").addInput(from).addOutput(to)
                .addAttribute(OnnxMl.AttributeProto.newBuilder().setName("to")
                        .setType(OnnxMl.AttributeProto.AttributeType.INT)
                        .setI(OnnxMl.TensorProto.DataType.FLOAT.getNumber()))
                .build();
    }

    private static OnnxMl.TensorProto scalar(String name, float value) {
        return OnnxMl.TensorProto.newBuilder().setName(name).setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
                .addFloatData(value).build();
    }

    private static OnnxMl.TensorProto int8(String name, List<Long> dims, byte[] codes) {
        return OnnxMl.TensorProto.newBuilder().setName(name).setDataType(OnnxMl.TensorProto.DataType.INT8.getNumber())
                .addAllDims(dims).setRawData(ByteString.copyFrom(codes)).build();
    }

    private static OnnxMl.TensorProto float16(String name, short[] bits) {
        return OnnxMl.TensorProto.newBuilder().setName(name)
                .setDataType(OnnxMl.TensorProto.DataType.FLOAT16.getNumber())
                .addDims(bits.length).setRawData(ByteString.copyFrom(littleEndian(bits))).build();
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
