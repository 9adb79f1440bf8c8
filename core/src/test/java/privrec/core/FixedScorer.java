package privrec.core;

/**
 * Test double: score = base[item] + sum over history items h of affinity[h][item]; ignores the profile unless
 * {@code profileBoost} is set, in which case profile column 0 adds profileBoost[item]. Linear like the real model,
 * so explanations can be checked by hand.
 */
final class FixedScorer implements ItemScorer {
    private final float[] base;
    private final float[][] affinity;
    private final float[] profileBoost;
    int calls;

    private FixedScorer(float[] base, float[][] affinity, float[] profileBoost) {
        this.base = base;
        this.affinity = affinity;
        this.profileBoost = profileBoost;
    }

    static FixedScorer of(float... base) {
        return new FixedScorer(base, new float[base.length][base.length], null);
    }

    static FixedScorer withAffinity(float[] base, float[][] affinity, float[] profileBoost) {
        return new FixedScorer(base, affinity, profileBoost);
    }

    @Override
    public float[] score(float[] history, float[] profile, int rows) {
        int n = base.length;
        int width = Encoder.profileWidth();
        ItemScorer.checkShapes(history, profile, rows, n, width);
        calls++;
        float[] out = new float[rows * n];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < n; j++) {
                float s = base[j];
                for (int h = 0; h < n; h++) {
                    s += history[r * n + h] * affinity[h][j];
                }
                if (profileBoost != null) {
                    s += profile[r * width] * profileBoost[j];
                }
                out[r * n + j] = s;
            }
        }
        return out;
    }
}
