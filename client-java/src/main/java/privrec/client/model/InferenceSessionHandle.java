package privrec.client.model;

/** One loaded model. Implementations copy inputs and outputs, so callers may reuse their arrays. */
public interface InferenceSessionHandle {
    /** A named row-major float input of shape {@code [rows, width]}. */
    record Feed(String name, float[] data, int rows, int width) {
        public Feed {
            if (rows <= 0 || width <= 0 || data == null || data.length != rows * width) {
                throw new IllegalArgumentException("feed " + name + " has " + (data == null ? 0 : data.length)
                        + " values, expected " + rows + " x " + width);
            }
        }
    }

    /** Runs the model once; returns output {@code outputName} copied into a Java array. */
    float[] run(Feed[] feeds, String outputName);
}
