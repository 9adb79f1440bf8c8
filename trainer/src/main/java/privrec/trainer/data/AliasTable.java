package privrec.trainer.data;

import java.util.SplittableRandom;

/**
 * Draws indices with probability proportional to fixed weights in O(1) per draw (Walker's alias method, built by
 * Vose's O(n) algorithm). With replacement: callers that need distinct indices reject repeats themselves.
 */
final class AliasTable {
    private final double[] keep;  // per slot: the chance of keeping the slot's own index
    private final int[] alias;    // per slot: the index drawn otherwise

    AliasTable(double[] weights) {
        int n = weights.length;
        if (n == 0) {
            throw new IllegalArgumentException("no weights");
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weight " + w + " is not a finite non-negative number");
            }
            sum += w;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("all weights are zero");
        }
        keep = new double[n];
        alias = new int[n];
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int smallCount = 0;
        int largeCount = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / sum;
            if (scaled[i] < 1) {
                small[smallCount++] = i;
            } else {
                large[largeCount++] = i;
            }
        }
        while (smallCount > 0 && largeCount > 0) {
            int s = small[--smallCount];
            int l = large[--largeCount];
            keep[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            if (scaled[l] < 1) {
                small[smallCount++] = l;
            } else {
                large[largeCount++] = l;
            }
        }
        while (largeCount > 0) { // what is left holds (up to rounding) exactly one slot's worth
            int l = large[--largeCount];
            keep[l] = 1;
            alias[l] = l;
        }
        while (smallCount > 0) {
            int s = small[--smallCount];
            keep[s] = 1;
            alias[s] = s;
        }
    }

    int size() {
        return keep.length;
    }

    /** One index; consumes one double of {@code random}. */
    int draw(SplittableRandom random) {
        double x = random.nextDouble() * keep.length;
        int slot = Math.min((int) x, keep.length - 1);
        return x - slot < keep[slot] ? slot : alias[slot];
    }
}
