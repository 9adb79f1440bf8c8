package privrec.trainer.data;

/**
 * Draws indices with probability proportional to their weights, without replacement, using a Fenwick tree:
 * O(n) to load the weights, O(log n) per draw. Per user this replaces "one Gumbel key per movie + selection",
 * which cost two logarithms for every movie in the catalog.
 */
final class WeightedSampler {
    private final double[] weight;
    private final double[] tree; // 1-based Fenwick tree of partial sums
    private final int topBit;

    WeightedSampler(int size) {
        weight = new double[size];
        tree = new double[size + 1];
        topBit = Integer.highestOneBit(Math.max(1, size));
    }

    void load(double[] weights) {
        System.arraycopy(weights, 0, weight, 0, weight.length);
        tree[0] = 0;
        System.arraycopy(weights, 0, tree, 1, weight.length);
        for (int i = 1; i <= weight.length; i++) {
            int parent = i + (i & -i);
            if (parent <= weight.length) {
                tree[parent] += tree[i];
            }
        }
    }

    /** Draws one index (u uniform in [0, 1)) and removes it from later draws. */
    int draw(double u) {
        double target = u * total();
        int pos = 0;
        for (int step = topBit; step > 0; step >>= 1) {
            if (pos + step <= weight.length && tree[pos + step] <= target) {
                pos += step;
                target -= tree[pos];
            }
        }
        int index = Math.min(pos, weight.length - 1);
        while (weight[index] <= 0) { // rounding in the partial sums can land on a removed index; take a neighbour
            index = index == 0 ? weight.length - 1 : index - 1;
        }
        remove(index);
        return index;
    }

    private double total() {
        double sum = 0;
        for (int i = weight.length; i > 0; i -= i & -i) {
            sum += tree[i];
        }
        return sum;
    }

    private void remove(int index) {
        double w = weight[index];
        weight[index] = 0;
        for (int i = index + 1; i <= weight.length; i += i & -i) {
            tree[i] -= w;
        }
    }
}
