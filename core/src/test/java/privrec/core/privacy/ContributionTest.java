package privrec.core.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import privrec.core.FormatException;

class ContributionTest {

    /** A chunk as the trainer lays it out, built here byte by byte from the documented header. */
    static byte[] chunk(int rows, int k, byte[] codes, short[] halfScales, int rowExponent) {
        int[] at = BasisChunk.offsets(rows, k);
        ByteBuffer b = ByteBuffer.allocate(at[3]).order(ByteOrder.LITTLE_ENDIAN);
        b.put("PRB1".getBytes()).putInt(rows).putInt(k).putInt(rowExponent).putInt(0);
        b.position(at[0]);
        b.put(codes);
        b.position(at[1]);
        for (short s : halfScales) {
            b.putShort(s);
        }
        return b.array();
    }

    @Test
    void projectsTheHistoryOnTheStoredBasis() {
        // Two chunks: rows 0–1 (scale 0.5 = 0x3800, exponent 0) and row 2 (scale 1.0 = 0x3c00 at exponent 2 → 0.25).
        BasisChunk a = BasisChunk.parse(ByteSource.of(chunk(2, 2, new byte[]{1, 2, -3, 4},
                new short[]{0x3800, 0x3800}, 0)), "a");
        BasisChunk b = BasisChunk.parse(ByteSource.of(chunk(1, 2, new byte[]{8, -8}, new short[]{0x3c00}, 2)), "b");
        BasisRows basis = BasisChunk.join(List.of(a, b));
        assertEquals(3, basis.itemCount());
        assertEquals(0.25f, basis.rowScale(2));
        // history weights 4, 0, 1 with power 1/2: 2·0.5·(1, 2) + 1·0.25·(8, −8) = (3, 0).
        assertArrayEquals(new double[]{3, 0}, Contribution.project(new float[]{4, 0, 1}, basis, 0.5), 1e-12);
        assertArrayEquals(new double[]{0.6, 0.8}, Contribution.clip(new double[]{3, 4}, 1), 1e-12);
        assertArrayEquals(new double[]{0.3, 0.4}, Contribution.clip(new double[]{0.3, 0.4}, 1), 1e-12);
    }

    @Test
    void aChunkThatIsNotOneIsRefused() {
        byte[] good = chunk(2, 2, new byte[4], new short[2], 0);
        byte[] bad = good.clone();
        bad[0] = 'X';
        assertThrows(FormatException.class, () -> BasisChunk.parse(ByteSource.of(bad), "x"));
        byte[] shortened = java.util.Arrays.copyOf(good, good.length - 1);
        assertThrows(FormatException.class, () -> BasisChunk.parse(ByteSource.of(shortened), "x"));
    }

    @Test
    void halfPrecisionDecodes() {
        assertEquals(1f, BasisChunk.halfToFloat(0x3c00));
        assertEquals(-2f, BasisChunk.halfToFloat(0xc000));
        assertEquals(0x1.0p-24f, BasisChunk.halfToFloat(0x0001));
        assertEquals(65504f, BasisChunk.halfToFloat(0x7bff));
    }
}
