package privrec.trainer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class AliasTableTest {
    @Test
    void drawsInProportionToTheWeightsAndNeverAZeroWeight() {
        double[] weights = {5, 0, 1, 3, 0.5, 0.5};
        AliasTable table = new AliasTable(weights);
        SplittableRandom random = new SplittableRandom(7);
        int draws = 200_000;
        int[] counts = new int[weights.length];
        for (int k = 0; k < draws; k++) {
            counts[table.draw(random)]++;
        }
        assertEquals(0, counts[1], "weight 0 was drawn");
        for (int i = 0; i < weights.length; i++) {
            assertEquals(weights[i] / 10, counts[i] / (double) draws, 0.005, "index " + i);
        }
    }

    @Test
    void rejectsWeightsThatAreNoDistribution() {
        assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] {1, -1}));
        assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] {1, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new AliasTable(new double[] {1, Double.POSITIVE_INFINITY}));
    }
}
