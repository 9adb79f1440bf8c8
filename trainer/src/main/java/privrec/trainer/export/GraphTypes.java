package privrec.trainer.export;

import ai.onnx.proto.OnnxMl;

import privrec.core.Manifest;

/**
 * Gives the explanation inputs and output their real types and shapes (Tribuo's {@code ONNXContext} only makes
 * {@code [batch, width]} float placeholders). They are plain required inputs: a default value (an initializer of
 * the same name) would make them optional in ONNX, but neither ONNX Runtime Java nor onnxruntime-web lets a run
 * feed such an input (both list only non-initializer inputs). A scoring run therefore feeds one dummy entry each.
 * <ul>
 *   <li>{@code explain_items} int32 [L], {@code explain_weights} float32 [L], {@code explain_targets} int32 [C];</li>
 *   <li>{@code contributions} float32 [L, C].</li>
 * </ul>
 */
final class GraphTypes {
    private GraphTypes() {
    }

    static OnnxMl.GraphProto explanationInputs(OnnxMl.GraphProto graph) {
        OnnxMl.GraphProto.Builder out = graph.toBuilder();
        for (int i = 0; i < out.getInputCount(); i++) {
            String name = out.getInput(i).getName();
            switch (name) {
                case Manifest.EXPLAIN_ITEMS_INPUT, Manifest.EXPLAIN_TARGETS_INPUT -> {
                    out.setInput(i, valueInfo(name, OnnxMl.TensorProto.DataType.INT32, dimension(name)));
                }
                case Manifest.EXPLAIN_WEIGHTS_INPUT -> {
                    out.setInput(i, valueInfo(name, OnnxMl.TensorProto.DataType.FLOAT, dimension(name)));
                }
                default -> {
                }
            }
        }
        for (int i = 0; i < out.getOutputCount(); i++) {
            if (out.getOutput(i).getName().equals(Manifest.CONTRIBUTIONS_OUTPUT)) {
                out.setOutput(i, valueInfo(Manifest.CONTRIBUTIONS_OUTPUT, OnnxMl.TensorProto.DataType.FLOAT,
                        "liked", "targets"));
            }
        }
        return out.build();
    }

    private static String dimension(String input) {
        return input.equals(Manifest.EXPLAIN_TARGETS_INPUT) ? "targets" : "liked";
    }

    private static OnnxMl.ValueInfoProto valueInfo(String name, OnnxMl.TensorProto.DataType type, String... dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        for (String dim : dims) {
            shape.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam(dim));
        }
        return OnnxMl.ValueInfoProto.newBuilder().setName(name)
                .setType(OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                        .setElemType(type.getNumber()).setShape(shape)))
                .build();
    }
}
