package privrec.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ShuffleTest {
    @Test
    void drawsTheSamePermutationAsCollectionsShuffle() {
        for (int n : new int[]{0, 1, 2, 7, 1000}) {
            List<Integer> list = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                list.add(i);
            }
            Random a = new Random(n + 11L);
            Random b = new Random(n + 11L);
            Collections.shuffle(list, a);
            int[] positions = Shuffle.positions(n, b);
            for (int i = 0; i < n; i++) {
                assertEquals(list.get(i), positions[i], "n " + n + ", position " + i);
            }
            assertEquals(a.nextLong(), b.nextLong(), "the same number of draws");
        }
    }
}
