package privrec.trainer.model;

/**
 * Symmetric int8 quantization with one float32 scale per slice: {@code value ≈ q · scale}, {@code q} in
 * −127..127, {@code scale = max |value| / 127} (1 for an all-zero slice). The shipped model stores the large
 * matrices this way (a quarter of float32; float32 noise does not compress, int8 codes a little), and the
 * in-memory model is rebuilt from exactly the stored codes, so verification compares like with like.
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
}
