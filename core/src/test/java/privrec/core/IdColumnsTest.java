package privrec.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IdColumnsTest {
    @Test
    void findsEveryIdItWasGivenAndNothingElse() {
        Random random = new Random(7);
        int n = 20_000;
        IdColumns columns = new IdColumns(n);
        Map<Integer, Integer> expected = new HashMap<>();
        while (expected.size() < n) {
            int id = random.nextInt(); // any int, negatives and 0 included
            if (!expected.containsKey(id)) {
                int column = expected.size();
                assertTrue(columns.put(id, column));
                expected.put(id, column);
            }
        }
        expected.forEach((id, column) -> assertEquals(column, columns.get(id), "id " + id));
        int misses = 0;
        for (int i = 0; i < 10_000; i++) {
            int id = random.nextInt();
            if (!expected.containsKey(id)) {
                assertEquals(-1, columns.get(id));
                misses++;
            }
        }
        assertTrue(misses > 9_000);
    }

    @Test
    void consecutiveIdsAndZeroAndExtremes() {
        IdColumns columns = new IdColumns(5);
        int[] ids = {0, 1, 2, Integer.MIN_VALUE, Integer.MAX_VALUE};
        for (int i = 0; i < ids.length; i++) {
            assertTrue(columns.put(ids[i], i));
        }
        for (int i = 0; i < ids.length; i++) {
            assertEquals(i, columns.get(ids[i]));
        }
        assertEquals(-1, columns.get(3));
        assertEquals(-1, columns.get(-1));
    }

    @Test
    void aSecondPutOfAnIdIsRefusedAndChangesNothing() {
        IdColumns columns = new IdColumns(1);
        assertTrue(columns.put(42, 0));
        assertFalse(columns.put(42, 1));
        assertEquals(0, columns.get(42));
    }

    @Test
    void aNegativeColumnIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new IdColumns(1).put(1, -1));
    }
}
