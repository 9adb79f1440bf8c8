package privrec.core;

/**
 * Scores every catalog item for a batch of users. Implementations: ONNX Runtime Java (trainer, tests),
 * onnxruntime-web (browser), the trainer's in-memory model, and fixed scores in unit tests.
 *
 * <p>All arrays are row-major and flat, as ONNX tensors are: {@code history} is {@code rows × itemCount},
 * {@code profile} is {@code rows × profileWidth}; the result is {@code rows × itemCount}. Higher is better.
 */
public interface ItemScorer {
    float[] score(float[] history, float[] profile, int rows);

    /**
     * How much each liked movie alone adds to each target's score: row-major {@code items.length × targets.length},
     * entry {@code [l][c]} = score of target c for a history holding only {@code items[l]} at {@code weights[l]},
     * minus its score for an empty history (the profile part cancels). The exported graph computes this directly
     * from the item basis (output {@code contributions}, L·k·C instead of L·n·k), and ONNX-backed scorers
     * override this method with one run that fetches it. ONNX Runtime (Java and web) executes every node whatever is
     * fetched and needs every input, so that run also feeds one empty history row and an empty profile: one scoring
     * pass plus L·k·C. This default computes it the long way, with one batched {@link #score} call of L + 1 rows.
     *
     * @param itemCount catalog size (the default needs it to build history rows)
     * @param items   catalog columns of the liked movies
     * @param weights their history weights ({@link Encoder#historyWeight}), as in the history row
     * @param targets catalog columns to explain
     */
    default float[] contributions(int itemCount, int[] items, float[] weights, int[] targets) {
        checkExplanation(items, weights, targets, itemCount);
        int n = itemCount;
        int rows = items.length;
        float[] history = new float[(rows + 1) * n];
        for (int r = 0; r < rows; r++) {
            history[r * n + items[r]] = weights[r];
        }
        float[] scores = score(history, new float[(rows + 1) * Encoder.profileWidth()], rows + 1);
        float[] out = new float[rows * targets.length];
        int baseline = rows * n;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < targets.length; c++) {
                out[r * targets.length + c] = scores[r * n + targets[c]] - scores[baseline + targets[c]];
            }
        }
        return out;
    }

    /** Checks the arguments of a {@link #contributions} call. */
    static void checkExplanation(int[] items, float[] weights, int[] targets, int itemCount) {
        if (items == null || weights == null || targets == null || items.length != weights.length
                || items.length == 0 || targets.length == 0) {
            throw new IllegalArgumentException("explanations need as many weights as items, and at least one of each and a target");
        }
        for (int column : items) {
            if (column < 0 || column >= itemCount) {
                throw new IllegalArgumentException("liked column " + column + " is outside 0.." + (itemCount - 1));
            }
        }
        for (int column : targets) {
            if (column < 0 || column >= itemCount) {
                throw new IllegalArgumentException("target column " + column + " is outside 0.." + (itemCount - 1));
            }
        }
    }

    /** Checks the shapes of a {@link #score} call; implementations call it first. */
    static void checkShapes(float[] history, float[] profile, int rows, int itemCount, int profileWidth) {
        if (rows <= 0) {
            throw new IllegalArgumentException("rows " + rows + " must be positive");
        }
        if (history == null || history.length != rows * itemCount) {
            throw new IllegalArgumentException("history has " + (history == null ? 0 : history.length)
                    + " values, expected " + rows + " x " + itemCount);
        }
        if (profile == null || profile.length != rows * profileWidth) {
            throw new IllegalArgumentException("profile has " + (profile == null ? 0 : profile.length)
                    + " values, expected " + rows + " x " + profileWidth);
        }
    }
}
