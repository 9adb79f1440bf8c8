package privrec.webapp;

import ai.onnx.proto.OnnxMl;
import java.util.List;
import java.util.Map;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXNode;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;

/**
 * Small ONNX models written with Tribuo's ONNX writer (the same library the trainer exports with), so bridge and
 * browser tests need no model file and no dataset. IR 6 / opset 13 like Tribuo's exports.
 */
public final class TinyModels {

    public static final String INPUT = "x";
    public static final String OUTPUT = "y";
    public static final int IN = 4;
    public static final int OUT = 3;

    /** Weights of {@link #gemm()}, row-major [IN][OUT]; values chosen to be non-trivial in float32. */
    static final float[] W = {0.5f, -1.25f, 2.0f, 0.1f, 0.2f, 0.3f, -0.7f, 1.1f, 0.0f, 3.3f, -0.01f, 0.25f};
    static final float[] B = {0.05f, -0.5f, 1.5f};

    private TinyModels() {
    }

    /** {@code y = x · W + b}: input {@code x} [batch, 4] float32, output {@code y} [batch, 3] float32. */
    public static byte[] gemm() {
        ONNXContext ctx = new ONNXContext();
        ctx.setName("privrec-test-gemm");
        ONNXPlaceholder x = ctx.floatInput(INPUT, IN);
        ONNXPlaceholder y = ctx.floatOutput(OUTPUT, OUT);
        ONNXInitializer w = ctx.floatTensor("W", List.of(IN, OUT), buf -> buf.put(W));
        ONNXInitializer b = ctx.floatTensor("B", List.of(OUT), buf -> buf.put(B));
        ONNXNode gemm = ctx.operation(ONNXOperators.GEMM, List.of(x, w, b), "gemm", Map.of());
        gemm.assignTo(y);
        OnnxMl.ModelProto model = OnnxMl.ModelProto.newBuilder()
                .setIrVersion(6)
                .setProducerName("privrec-webapp-tests")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setVersion(13).build())
                .setGraph(ctx.buildGraph())
                .build();
        return model.toByteArray();
    }

    /** The same function in plain Java (float32 arithmetic), as a third opinion in tests. */
    public static float[] gemmReference(float[] x, int rows) {
        float[] out = new float[rows * OUT];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < OUT; j++) {
                float s = B[j];
                for (int i = 0; i < IN; i++) {
                    s += x[r * IN + i] * W[i * OUT + j];
                }
                out[r * OUT + j] = s;
            }
        }
        return out;
    }
}
