package privrec.core.privacy;

import privrec.core.FormatException;

/**
 * One contribution as it travels: the same size for every user of a release, and nothing in it but the release,
 * the ε the user chose (the server needs it to know the report's noise) and the noised vector.
 *
 * <pre>
 *   bytes 0–3    ASCII "PRC1"
 *   bytes 4–35   the release's model id, ASCII, NUL-padded to 32 bytes
 *   bytes 36–39  ε, float32 little-endian
 *   bytes 40–    k values, float32 little-endian
 * </pre>
 *
 * Size {@code 40 + 4k}: 1,064 bytes at rank 256, 296 at rank 64.
 */
public record ContributionReport(String release, float epsilon, float[] values) {
    public static final String MAGIC = "PRC1";
    public static final int RELEASE_BYTES = 32;
    public static final int HEADER_BYTES = 4 + RELEASE_BYTES + 4;

    public ContributionReport {
        if (release.isEmpty() || release.length() > RELEASE_BYTES) {
            throw new IllegalArgumentException("a release id has 1 to " + RELEASE_BYTES + " characters");
        }
        for (int i = 0; i < release.length(); i++) {
            char c = release.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new IllegalArgumentException("a release id is printable ASCII");
            }
        }
        values = values.clone();
    }

    /** Bytes of a report at rank k. */
    public static int size(int rank) {
        return HEADER_BYTES + 4 * rank;
    }

    public int rank() {
        return values.length;
    }

    /** Σ values², in double. */
    public double squaredNorm() {
        double s = 0;
        for (float v : values) {
            s += (double) v * v;
        }
        return s;
    }

    public byte[] encode() {
        byte[] out = new byte[size(values.length)];
        for (int i = 0; i < 4; i++) {
            out[i] = (byte) MAGIC.charAt(i);
        }
        for (int i = 0; i < release.length(); i++) {
            out[4 + i] = (byte) release.charAt(i);
        }
        putFloat(out, 4 + RELEASE_BYTES, epsilon);
        for (int i = 0; i < values.length; i++) {
            putFloat(out, HEADER_BYTES + 4 * i, values[i]);
        }
        return out;
    }

    /** Reads a report of rank k; the message says what is wrong with a body that is not one. */
    public static ContributionReport decode(byte[] body, int rank) {
        if (body.length != size(rank)) {
            throw new FormatException("a report of this release has " + size(rank) + " bytes, not " + body.length);
        }
        for (int i = 0; i < 4; i++) {
            if (body[i] != MAGIC.charAt(i)) {
                throw new FormatException("not a contribution report (it does not start with " + MAGIC + ")");
            }
        }
        StringBuilder release = new StringBuilder();
        int end = 4 + RELEASE_BYTES;
        int i = 4;
        for (; i < end && body[i] != 0; i++) {
            int c = body[i] & 0xff;
            if (c <= ' ' || c > '~') {
                throw new FormatException("the report's release id is not printable ASCII");
            }
            release.append((char) c);
        }
        for (; i < end; i++) {
            if (body[i] != 0) {
                throw new FormatException("the report's release id is not NUL-padded");
            }
        }
        if (release.length() == 0) {
            throw new FormatException("the report names no release");
        }
        float epsilon = getFloat(body, end);
        float[] values = new float[rank];
        for (int j = 0; j < rank; j++) {
            values[j] = getFloat(body, HEADER_BYTES + 4 * j);
            if (Float.isNaN(values[j]) || Float.isInfinite(values[j])) {
                throw new FormatException("report value " + j + " is not a finite number");
            }
        }
        if (Float.isNaN(epsilon) || Float.isInfinite(epsilon) || !(epsilon > 0)) {
            throw new FormatException("the report's epsilon is not a positive number");
        }
        return new ContributionReport(release.toString(), epsilon, values);
    }

    private static void putFloat(byte[] out, int at, float value) {
        int bits = Float.floatToIntBits(value);
        out[at] = (byte) bits;
        out[at + 1] = (byte) (bits >>> 8);
        out[at + 2] = (byte) (bits >>> 16);
        out[at + 3] = (byte) (bits >>> 24);
    }

    private static float getFloat(byte[] in, int at) {
        int bits = (in[at] & 0xff) | (in[at + 1] & 0xff) << 8 | (in[at + 2] & 0xff) << 16 | (in[at + 3] & 0xff) << 24;
        return Float.intBitsToFloat(bits);
    }
}
