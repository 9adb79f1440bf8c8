package privrec.client.model;

import java.util.Arrays;

/** One loaded model. Implementations copy inputs and outputs, so callers may reuse their arrays. */
public interface InferenceSessionHandle {
    /**
     * A named row-major input: float32 ({@code floats}) or int32 ({@code ints}, exactly one of the two is set),
     * of shape {@code dims} (rank 1 or 2; a dimension may be 0 — an empty batch, for the part of the graph a run does not want).
     */
    record Feed(String name, float[] floats, int[] ints, int[] dims) {
        public Feed {
            if ((floats == null) == (ints == null) || dims == null || dims.length < 1 || dims.length > 2) {
                throw new IllegalArgumentException("feed " + name + " needs float32 or int32 values and 1 or 2 dims");
            }
            long size = 1;
            for (int d : dims) {
                if (d < 0) {
                    throw new IllegalArgumentException("feed " + name + " has dims " + Arrays.toString(dims));
                }
                size *= d;
            }
            int length = floats != null ? floats.length : ints.length;
            if (length != size) {
                throw new IllegalArgumentException("feed " + name + " has " + length + " values, expected "
                        + Arrays.toString(dims));
            }
            dims = dims.clone();
        }

        /** A float32 input of shape {@code [rows, width]}. */
        public Feed(String name, float[] data, int rows, int width) {
            this(name, checked(name, data), null, new int[] {rows, width});
        }

        /** A float32 input of shape {@code [values.length]}. */
        public static Feed float32(String name, float[] values) {
            return new Feed(name, checked(name, values), null, new int[] {values.length});
        }

        /** An int32 input of shape {@code [values.length]}. */
        public static Feed int32(String name, int[] values) {
            if (values == null) {
                throw new IllegalArgumentException("feed " + name + " has no values");
            }
            return new Feed(name, null, values, new int[] {values.length});
        }

        private static float[] checked(String name, float[] data) {
            if (data == null) {
                throw new IllegalArgumentException("feed " + name + " has no values");
            }
            return data;
        }

        /** Float32 values (the one accessor for float feeds; null for int32). */
        public float[] data() {
            return floats;
        }

        public int rows() {
            return dims[0];
        }

        public int width() {
            return dims.length == 2 ? dims[1] : 1;
        }
    }

    /** Runs the model once; returns the float32 output {@code outputName} copied into a Java array. */
    float[] run(Feed[] feeds, String outputName);

    /**
     * Starts {@link #run} and returns before it is done where the runtime can (onnxruntime-web's worker); the
     * result's {@code await} gives what {@code run} would have. This default runs at once.
     */
    default privrec.core.ItemScorer.Pending start(Feed[] feeds, String outputName) {
        float[] out = run(feeds, outputName);
        return () -> out;
    }
}
