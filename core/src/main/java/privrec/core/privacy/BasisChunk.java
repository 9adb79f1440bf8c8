package privrec.core.privacy;

import java.util.List;

import privrec.core.FormatException;

/**
 * One {@code basis-<hash>.bin} chunk. It describes itself in a 64-byte header, so that the browser can read basis
 * rows without the graph:
 * <pre>
 *   bytes 0–3    ASCII "PRB1"
 *   bytes 4–7    rows (int32 little-endian)
 *   bytes 8–11   rank k
 *   bytes 12–15  e_r: the row scales are float16 · 2^(−e_r)
 *   bytes 16–19  e_a: the input weights are float16 · 2^(−e_a)
 *   bytes 20–63  zero
 *   then, each at a 64-byte boundary: the int8 codes (rows × k), the row scales r (float16), the input weights
 *   a′ (float16)
 * </pre>
 * The graph reads the same three tensors by offset as ONNX external data and skips the header.
 */
public final class BasisChunk {
    public static final String MAGIC = "PRB1";
    public static final int ALIGNMENT = 64;

    private final ByteSource bytes;
    private final int rows;
    private final int rank;
    private final float rowUnit;
    private final int rowScaleAt;

    private BasisChunk(ByteSource bytes, int rows, int rank, int rowExponent) {
        this.bytes = bytes;
        this.rows = rows;
        this.rank = rank;
        this.rowUnit = (float) Math.pow(2, -rowExponent);
        this.rowScaleAt = align(codesAt() + rows * rank);
    }

    /** Offset of the codes. */
    public static int codesAt() {
        return ALIGNMENT;
    }

    public static int align(int offset) {
        return (offset + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    /** Offsets of codes, row scales and input weights in a chunk of this many rows. */
    public static int[] offsets(int rows, int rank) {
        int r = align(codesAt() + rows * rank);
        int a = align(r + 2 * rows);
        return new int[]{codesAt(), r, a, a + 2 * rows};
    }

    public static BasisChunk parse(ByteSource bytes, String name) {
        if (bytes.length() < ALIGNMENT) {
            throw new FormatException(name + ": too short for a basis chunk");
        }
        for (int i = 0; i < 4; i++) {
            if (bytes.get(i) != MAGIC.charAt(i)) {
                throw new FormatException(name + ": not a basis chunk (no " + MAGIC + " header)");
            }
        }
        int rows = int32(bytes, 4);
        int rank = int32(bytes, 8);
        int rowExponent = int32(bytes, 12);
        if (rows < 1 || rank < 1 || rowExponent < -64 || rowExponent > 64
                || (long) rows * rank > Integer.MAX_VALUE / 2) {
            throw new FormatException(name + ": basis chunk header is out of range");
        }
        if (bytes.length() != offsets(rows, rank)[3]) {
            throw new FormatException(name + ": " + rows + " rows of rank " + rank + " do not fill its "
                    + bytes.length() + " bytes");
        }
        return new BasisChunk(bytes, rows, rank, rowExponent);
    }

    public int rows() {
        return rows;
    }

    public int rank() {
        return rank;
    }

    public float rowScale(int row) {
        int at = rowScaleAt + 2 * row;
        int bits = (bytes.get(at) & 0xff) | (bytes.get(at + 1) & 0xff) << 8;
        return halfToFloat(bits) * rowUnit;
    }

    public int code(int row, int i) {
        return bytes.get(codesAt() + row * rank + i);
    }

    /** The chunks of a release, in manifest order, as one basis. */
    public static BasisRows join(List<BasisChunk> chunks) {
        if (chunks.isEmpty()) {
            throw new FormatException("the release has no basis chunk");
        }
        int k = chunks.get(0).rank();
        int[] starts = new int[chunks.size() + 1];
        for (int c = 0; c < chunks.size(); c++) {
            if (chunks.get(c).rank() != k) {
                throw new FormatException("basis chunks of different ranks");
            }
            starts[c + 1] = starts[c] + chunks.get(c).rows();
        }
        return new BasisRows() {
            @Override
            public int itemCount() {
                return starts[chunks.size()];
            }

            @Override
            public int rank() {
                return k;
            }

            @Override
            public float rowScale(int item) {
                int c = chunkOf(item);
                return chunks.get(c).rowScale(item - starts[c]);
            }

            @Override
            public int code(int item, int i) {
                int c = chunkOf(item);
                return chunks.get(c).code(item - starts[c], i);
            }

            private int chunkOf(int item) {
                if (item < 0 || item >= starts[chunks.size()]) {
                    throw new IndexOutOfBoundsException("item " + item);
                }
                int c = 0;
                while (item >= starts[c + 1]) {
                    c++;
                }
                return c;
            }
        };
    }

    /** IEEE 754 binary16 bits → float, exactly (every float16 is a float; subnormals, infinities and NaN kept). */
    public static float halfToFloat(int bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f; // subnormal: mantissa · 2^-24, exact in float
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    private static int int32(ByteSource b, int at) {
        return (b.get(at) & 0xff) | (b.get(at + 1) & 0xff) << 8 | (b.get(at + 2) & 0xff) << 16 | (b.get(at + 3) & 0xff) << 24;
    }
}
