package privrec.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class HalfTest {
    @Test
    void everyFloat16SurvivesTheRoundTrip() {
        for (int bits = 0; bits < 0x10000; bits++) {
            float value = Half.toFloat((short) bits);
            if (Float.isNaN(value)) {
                continue;
            }
            assertEquals(bits, Half.fromFloat(value) & 0xffff, "float16 0x" + Integer.toHexString(bits));
        }
    }

    @Test
    void knownValuesDecode() {
        assertEquals(1f, Half.toFloat((short) 0x3c00));
        assertEquals(-2f, Half.toFloat((short) 0xc000));
        assertEquals(65504f, Half.toFloat((short) 0x7bff));
        assertEquals(0x1p-24f, Half.toFloat((short) 0x0001)); // smallest subnormal
        assertEquals(0x1p-14f, Half.toFloat((short) 0x0400)); // smallest normal
    }

    @Test
    void roundingIsToNearestWithTiesToEven() {
        float ulp = 0x1p-10f; // float16 spacing just above 1
        assertEquals(0x3c00, Half.fromFloat(1f + ulp / 2) & 0xffff); // tie: stays on the even 1.0
        assertEquals(0x3c02, Half.fromFloat(1f + 3 * ulp / 2) & 0xffff); // tie: up to the even neighbour
        assertEquals(0x3c01, Half.fromFloat(1f + ulp / 2 + 0x1p-20f) & 0xffff);
        assertEquals(0x7c00, Half.fromFloat(65520f) & 0xffff); // rounds past the maximum
    }

    @Test
    void storedVectorsKeepElevenSignificantBitsAcrossManyBinades() {
        Random random = new Random(3);
        float[] values = new float[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((random.nextBoolean() ? 1 : -1) * Math.pow(10, -8 * random.nextDouble()));
        }
        float[] stored = Half.round(values);
        for (int i = 0; i < values.length; i++) {
            double relative = Math.abs(stored[i] - values[i]) / Math.abs(values[i]);
            assertTrue(relative <= 0x1p-11, values[i] + " stored as " + stored[i]);
        }
    }

    @Test
    void exactRecognisesOnlyWhatRoundingLeft() {
        float[] values = {3.3e-5f, -0.71f, 12.9f, 0f, 1e-7f};
        float[] stored = Half.round(values);
        Half.Vector vector = Half.exact(stored);
        assertNotNull(vector);
        assertArrayEquals(stored, vector.values());
        assertNull(Half.exact(new float[]{1f, 1f + 0x1p-20f}));
        // Rounding lifts this maximum into the next binade; the stored vector is still recognised.
        float[] edge = Half.round(new float[]{Math.nextDown(2f), 0x1p-20f + 0x1p-31f});
        assertNotNull(Half.exact(edge));
    }
}
