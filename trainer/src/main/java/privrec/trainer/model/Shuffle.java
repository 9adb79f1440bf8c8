package privrec.trainer.model;

import java.util.Collections;
import java.util.Random;

/** Shuffled positions, drawn exactly as {@link Collections#shuffle(java.util.List, Random)} draws them. */
public final class Shuffle {
    private Shuffle() {
    }

    /**
     * The permutation {@code Collections.shuffle} applies to a random-access list of {@code n} elements: element
     * {@code result[i]} of the original list ends up at position i. The same random calls in the same order
     * (its documented algorithm: for i from n down to 2, swap i−1 with {@code nextInt(i)}), so a caller that has
     * only a count — the distributed trainer — picks the same users as one that shuffles the list itself.
     */
    public static int[] positions(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n; i > 1; i--) {
            int j = random.nextInt(i);
            int t = order[i - 1];
            order[i - 1] = order[j];
            order[j] = t;
        }
        return order;
    }
}
