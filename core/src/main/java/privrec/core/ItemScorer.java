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
