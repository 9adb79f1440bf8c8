package privrec.trainer.model;

import privrec.core.privacy.BasisChunk;

/**
 * IEEE 754 half precision (float16) for the model's per-item vectors, stored as {@code float16 · 2^-e}: one
 * power-of-two exponent e per vector lifts its largest magnitude into the top binade of float16 ([2^14, 2^15)), so
 * the 11-bit significand covers 29 binades below it before values turn subnormal. Half the bytes of float32, and a
 * relative error of at most 2^-11 (≈ 4.9e-4) on every value that stays normal. The graph restores a vector with
 * {@code Mul(Cast(v16), 2^-e)}; both steps are exact in float32, so the in-memory model ({@link #round}) and ONNX
 * Runtime hold the same numbers. Java 17 has no float16 conversion (Float.floatToFloat16 is Java 20), hence this class.
 */
public final class Half {
    /** A vector as stored: float16 bits and the exponent e it was multiplied by ({@code value = half · 2^-e}). */
    public record Vector(short[] bits, int exponent) {
        public float[] values() {
            float[] out = new float[bits.length];
            float down = Math.scalb(1f, -exponent);
            for (int i = 0; i < out.length; i++) {
                out[i] = toFloat(bits[i]) * down;
            }
            return out;
        }
    }

    /** Largest magnitude lands in [2^14, 2^15): below float16's maximum (65504) even after rounding up. */
    private static final int TOP_EXPONENT = 14;

    private Half() {
    }

    /** {@code values} as float16 with a power-of-two scale; an all-zero vector gets exponent 0. */
    public static Vector encode(float[] values) {
        float max = 0f;
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("cannot store " + v + " as float16");
            }
            max = Math.max(max, Math.abs(v));
        }
        return encode(values, max == 0f ? 0 : TOP_EXPONENT - Math.getExponent(max));
    }

    private static Vector encode(float[] values, int exponent) {
        short[] bits = new short[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = fromFloat(Math.scalb(values[i], exponent));
        }
        return new Vector(bits, exponent);
    }

    /** What {@code values} become when stored ({@code encode(values).values()}). */
    public static float[] round(float[] values) {
        return encode(values).values();
    }

    /**
     * The stored form of {@code values} when they are exactly float16 · 2^-e (as {@link #round} leaves them), else
     * null. Rounding can lift the largest value into the next binade, so the exponent it was stored with is one
     * above the one {@link #encode} would now pick: both are tried.
     */
    public static Vector exact(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return null;
            }
        }
        int exponent = encode(values).exponent();
        for (int e = exponent; e <= exponent + 1; e++) {
            Vector v = encode(values, e);
            if (java.util.Arrays.equals(v.values(), values)) {
                return v;
            }
        }
        return null;
    }

    /** float16 bits → float (exact: every float16 is a float); core's decoder, which the browser runs too. */
    public static float toFloat(short half) {
        return BasisChunk.halfToFloat(half);
    }

    /** float → float16 bits, rounded to nearest, ties to even; overflow gives infinity. */
    public static short fromFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int magnitude = bits & 0x7fffffff;
        if (magnitude >= 0x7f800000) { // infinity or NaN
            return (short) (sign | 0x7c00 | (magnitude > 0x7f800000 ? 0x200 : 0));
        }
        if (magnitude >= 0x477ff000) { // rounds to 65536 or more
            return (short) (sign | 0x7c00);
        }
        if (magnitude < 0x38800000) { // below 2^-14: subnormal float16 (or zero), step 2^-24
            float scaled = Float.intBitsToFloat(magnitude) * 0x1p24f; // exact: a power-of-two scaling
            int q = (int) Math.rint(scaled); // rint rounds ties to even
            return (short) (sign | q);
        }
        int exponent = (magnitude >>> 23) - 112;
        int mantissa = magnitude & 0x7fffff;
        int half = (exponent << 10) | (mantissa >>> 13);
        int rest = mantissa & 0x1fff;
        if (rest > 0x1000 || (rest == 0x1000 && (half & 1) == 1)) {
            half++; // may carry into the exponent, which is the correct rounding
        }
        return (short) (sign | half);
    }
}
