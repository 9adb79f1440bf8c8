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

    /** A {@link #score} call under way; {@link #await} returns its result (or throws its failure). */
    interface Pending {
        float[] await();
    }

    /**
     * Starts {@link #score} and returns before it is done where the scorer can (the browser's runs go to
     * onnxruntime-web's worker), so the caller can do other waiting meanwhile (a vault save). This default scores
     * at once.
     */
    default Pending start(float[] history, float[] profile, int rows) {
        float[] scores = score(history, profile, rows);
        return () -> scores;
    }

    /**
     * How much each liked movie alone adds to each target's score: row-major {@code items.length × targets.length},
     * entry {@code [l][c]} = score of target c for a history holding only {@code items[l]} at {@code weights[l]},
     * minus its score for an empty history (the profile part cancels). The exported graph computes this directly
     * from the item basis (output {@code contributions}, L·k + L·k·C instead of L·n·k), and ONNX-backed scorers
     * override this method with one run that fetches it. This default computes it the long way, with one batched
     * {@link #score} call of L + 1 rows (so fixed-score test scorers keep working).
     *
     * <p>Feeding, as checked with ONNX Runtime Java 1.29 and onnxruntime-web 1.30 (wasm): the explanation inputs
     * cannot have default values, because neither runtime lets a run feed an input that is also an initializer
     * (Java: "Unknown input name", web: "invalid input"); onnxruntime-web rejects a run that does not feed every
     * input ("input 'x' is missing in 'feeds'"), and ONNX Runtime Java executes every node whatever is fetched, so
     * a run without some input fails in the node that reads it ("Missing Input"). Every run therefore feeds all five inputs, and the part it does not want gets an
     * empty batch, which both runtimes accept and which costs nothing: a scoring run feeds {@code explain_items},
     * {@code explain_weights} and {@code explain_targets} with 0 entries ({@code contributions} is 0 × 0), an
     * explanation run feeds {@code history} [0, n] and {@code profile} [0, 30] ({@code scores} is 0 × n).
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
