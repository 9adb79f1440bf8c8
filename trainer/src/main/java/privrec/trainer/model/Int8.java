package privrec.trainer.model;

/**
 * Symmetric int8 quantization with one scale per slice: {@code value ≈ q · scale}, {@code q} in −127..127,
 * {@code scale = max |value| / 127} (1 for an all-zero slice). The shipped model stores the large matrices this way
 * (a quarter of float32; float32 noise does not compress, int8 codes a little), and the in-memory model is rebuilt
 * from exactly the stored codes, so verification compares like with like.
 */
public final class Int8 {
    public static final float LEVELS = 127f;

    private Int8() {
    }

    public static float scale(float maxAbs) {
        return maxAbs > 0f ? maxAbs / LEVELS : 1f;
    }

    public static byte code(float value, float scale) {
        int q = Math.round(value / scale);
        return (byte) Math.max(-127, Math.min(127, q));
    }

    /** True when every value is a whole number in −127..127, i.e. already an int8 code stored as float. */
    public static boolean isCodes(float[] values) {
        for (float v : values) {
            if (v != Math.rint(v) || v < -127f || v > 127f) {
                return false;
            }
        }
        return true;
    }

    /**
     * A rows × cols matrix as int8 codes with one scale per column; the scales are stored as float16
     * ({@link Half}), so they are rounded to it before the codes are computed. The matrix the graph restores is
     * {@code codes[f][j] · scales[j]} in float32 ({@link #dequantized}).
     */
    public record Columns(byte[] codes, float[] scales, int rows, int cols) {
        public float[] dequantized() {
            float[] out = new float[codes.length];
            for (int f = 0; f < rows; f++) {
                for (int j = 0; j < cols; j++) {
                    out[f * cols + j] = codes[f * cols + j] * scales[j];
                }
            }
            return out;
        }
    }

    /**
     * One scale per row of a rows × cols matrix ({@link #scale} of its largest magnitude), rounded to float16 as
     * stored ({@link Half}), so the codes are computed against the stored scale.
     */
    public static float[] rowScales(float[] values, int rows, int cols) {
        if (values.length != rows * cols) {
            throw new IllegalArgumentException(values.length + " values are not " + rows + " x " + cols);
        }
        float[] scales = new float[rows];
        for (int j = 0; j < rows; j++) {
            float max = 0f;
            for (int i = 0; i < cols; i++) {
                max = Math.max(max, Math.abs(values[j * cols + i]));
            }
            scales[j] = scale(max);
        }
        return Half.round(scales);
    }

    public static Columns columns(float[] values, int rows, int cols) {
        if (values.length != rows * cols) {
            throw new IllegalArgumentException(values.length + " values are not " + rows + " x " + cols);
        }
        float[] scales = new float[cols];
        for (int j = 0; j < cols; j++) {
            float max = 0f;
            for (int f = 0; f < rows; f++) {
                max = Math.max(max, Math.abs(values[f * cols + j]));
            }
            scales[j] = scale(max);
        }
        scales = Half.round(scales);
        byte[] codes = new byte[values.length];
        for (int f = 0; f < rows; f++) {
            for (int j = 0; j < cols; j++) {
                codes[f * cols + j] = code(values[f * cols + j], scales[j]);
            }
        }
        return new Columns(codes, scales, rows, cols);
    }
}
