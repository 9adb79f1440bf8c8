package privrec.trainer.model;

import privrec.core.Encoder;
import privrec.core.ItemScorer;

/** The popularity baseline: every user gets the training positive counts as scores. */
public final class MostPopular implements ItemScorer {
    private final float[] counts;

    public MostPopular(int[] counts) {
        this.counts = new float[counts.length];
        for (int j = 0; j < counts.length; j++) {
            this.counts[j] = counts[j];
        }
    }

    @Override
    public float[] score(float[] history, float[] profile, int rows) {
        int n = counts.length;
        ItemScorer.checkShapes(history, profile, rows, n, Encoder.profileWidth());
        float[] out = new float[rows * n];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(counts, 0, out, r * n, n);
        }
        return out;
    }
}
