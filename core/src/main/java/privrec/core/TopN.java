package privrec.core;

import java.util.function.IntPredicate;

/**
 * Top-N selection over a score vector. Deterministic: higher score first, ties broken by lower column.
 * NaN scores are never selected. May return fewer than {@code n} items when fewer are eligible.
 */
public final class TopN {
    private TopN() {
    }

    /**
     * @param scores   one score per column
     * @param excluded columns never returned (may be null); length must match {@code scores}
     * @param n        how many to return at most (0 or more)
     * @param include  extra filter on columns (may be null = all)
     * @return column indices, best first
     */
    public static int[] select(float[] scores, boolean[] excluded, int n, IntPredicate include) {
        if (n < 0) {
            throw new IllegalArgumentException("n " + n + " must not be negative");
        }
        if (excluded != null && excluded.length != scores.length) {
            throw new IllegalArgumentException("excluded has " + excluded.length + " entries, scores " + scores.length);
        }
        // Min-heap of the best n so far; the root is the worst kept item.
        int[] heap = new int[Math.min(n, scores.length)];
        int size = 0;
        for (int i = 0; i < scores.length; i++) {
            if ((excluded != null && excluded[i]) || Float.isNaN(scores[i]) || (include != null && !include.test(i))) {
                continue;
            }
            if (size < heap.length) {
                heap[size] = i;
                siftUp(heap, size, scores);
                size++;
            } else if (size > 0 && better(i, heap[0], scores)) {
                heap[0] = i;
                siftDown(heap, size, scores);
            }
        }
        int[] result = new int[size];
        for (int k = size - 1; k >= 0; k--) {
            result[k] = heap[0];
            heap[0] = heap[k];
            siftDown(heap, k, scores);
        }
        return result;
    }

    /** True when column a ranks above column b. */
    static boolean better(int a, int b, float[] scores) {
        if (scores[a] != scores[b]) {
            return scores[a] > scores[b];
        }
        return a < b;
    }

    private static void siftUp(int[] heap, int pos, float[] scores) {
        while (pos > 0) {
            int parent = (pos - 1) / 2;
            if (!better(heap[parent], heap[pos], scores)) {
                return;
            }
            swap(heap, parent, pos);
            pos = parent;
        }
    }

    private static void siftDown(int[] heap, int size, float[] scores) {
        int pos = 0;
        while (true) {
            int left = 2 * pos + 1;
            int right = left + 1;
            int worst = pos;
            if (left < size && better(heap[worst], heap[left], scores)) {
                worst = left;
            }
            if (right < size && better(heap[worst], heap[right], scores)) {
                worst = right;
            }
            if (worst == pos) {
                return;
            }
            swap(heap, pos, worst);
            pos = worst;
        }
    }

    private static void swap(int[] heap, int i, int j) {
        int t = heap[i];
        heap[i] = heap[j];
        heap[j] = t;
    }
}
