package privrec.core.privacy;

/**
 * Standard normal draws from a {@link NoiseSource} by the Box–Muller transform: two uniforms u₁ ∈ (0, 1] and
 * u₂ ∈ [0, 1) of 53 random bits each give the two independent normals √(−2 ln u₁)·cos(2πu₂) and
 * √(−2 ln u₁)·sin(2πu₂).
 */
public final class GaussianNoise {
    private static final double UNIT = 0x1.0p-53;

    private final NoiseSource source;
    private final byte[] buffer = new byte[16];
    private double spare;
    private boolean hasSpare;

    public GaussianNoise(NoiseSource source) {
        this.source = source;
    }

    /** One N(0, 1) draw. */
    public double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        source.nextBytes(buffer);
        double u1 = (bits53(0) + 1) * UNIT;
        double u2 = bits53(8) * UNIT;
        double radius = Math.sqrt(-2 * Math.log(u1));
        double angle = 2 * Math.PI * u2;
        spare = radius * Math.sin(angle);
        hasSpare = true;
        return radius * Math.cos(angle);
    }

    /** A uniform draw in [0, 1) from 53 random bits of the source (e.g. a random send time). */
    public static double uniform(NoiseSource source) {
        byte[] bytes = new byte[8];
        source.nextBytes(bytes);
        return bits53(bytes, 0) * UNIT;
    }

    private long bits53(int at) {
        return bits53(buffer, at);
    }

    /** 53 bits from the 7 bytes at {@code at}, big-endian. */
    private static long bits53(byte[] bytes, int at) {
        long v = 0;
        for (int i = 0; i < 7; i++) {
            v = v << 8 | (bytes[at + i] & 0xffL);
        }
        return v >>> 3;
    }
}
