package privrec.trainer.model;

import privrec.core.Encoder;
import privrec.core.ItemScorer;

/**
 * The EASE baseline in closed form (Steck 2019): {@code B = I − P·diag(1/diag(P))}, {@code P = (XᵀX + λI)⁻¹},
 * diagonal zeroed; scores {@code x·B}. Dense n × n floats (1.6 GB at {@link #MAX_ITEMS} items), inverted by
 * {@link SpdInverse} (which needs a second n² array while it runs); B is then written over P in the same array.
 *
 * <p>As the protocol defines it, this baseline is binary: X holds 0/1 positives ({@link SparseRowMatrix#positives})
 * and {@code x} is the user's 0/1 positives. The history rows it is given are graded
 * ({@link Encoder#historyWeight}), so each is turned back into positives: a weight at or above that of
 * {@link Encoder#POSITIVE_THRESHOLD} counts 1, anything lower 0.
 */
public final class ExactEase implements ItemScorer {
    /**
     * Above this the n² floats (1.6 GB at 20,000) and the n³ inversion are too big for a baseline run on the
     * project's kind of machine; measured times are in docs/quality-experiments.md.
     */
    public static final int MAX_ITEMS = 20_000;

    /** The history weight of the lowest positive rating. */
    private static final float POSITIVE_WEIGHT = Encoder.historyWeight(Encoder.POSITIVE_THRESHOLD);

    private final float[] b;
    private final int n;

    private ExactEase(float[] b, int n) {
        this.b = b;
        this.n = n;
    }

    public static ExactEase train(SparseRowMatrix x, double lambda) {
        int n = x.columnCount();
        if (n > MAX_ITEMS) {
            throw new IllegalArgumentException("exact EASE needs an n x n matrix; " + n + " items is above " + MAX_ITEMS);
        }
        float[] p = x.denseGram();
        for (int j = 0; j < n; j++) {
            p[j * n + j] += (float) lambda;
        }
        SpdInverse.invertInPlace(p, n);
        float[] diagonal = new float[n];
        for (int j = 0; j < n; j++) {
            diagonal[j] = p[j * n + j];
        }
        float[] b = p; // B_ij = −P_ij / P_jj overwrites P row by row
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                b[row + j] = -p[row + j] / diagonal[j];
            }
            b[row + i] = 0f;
        }
        return new ExactEase(b, n);
    }

    @Override
    public float[] score(float[] history, float[] profile, int rows) {
        ItemScorer.checkShapes(history, profile, rows, n, Encoder.profileWidth());
        float[] out = new float[rows * n];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < n; i++) {
                if (history[r * n + i] >= POSITIVE_WEIGHT) {
                    int base = i * n;
                    for (int j = 0; j < n; j++) {
                        out[r * n + j] += b[base + j];
                    }
                }
            }
        }
        return out;
    }
}
