package privrec.client.model;

import privrec.core.ItemScorer;
import privrec.core.Manifest;

/**
 * {@link ItemScorer} over an inference session: one {@code run} scores the whole catalog for {@code rows} users.
 * In the browser the session is onnxruntime-web's (see {@code privrec.client.js.ort.OrtWebRuntime}), so this is
 * the brief's "OrtWebScorer"; it holds no JS types itself, which keeps the shape checks testable on the JVM.
 */
public final class SessionScorer implements ItemScorer {
    private final InferenceSessionHandle session;
    private final int itemCount;
    private final int profileWidth;

    public SessionScorer(InferenceSessionHandle session, int itemCount, int profileWidth) {
        if (session == null || itemCount <= 0 || profileWidth <= 0) {
            throw new IllegalArgumentException("a session, itemCount > 0 and profileWidth > 0 are required");
        }
        this.session = session;
        this.itemCount = itemCount;
        this.profileWidth = profileWidth;
    }

    @Override
    public float[] score(float[] history, float[] profile, int rows) {
        ItemScorer.checkShapes(history, profile, rows, itemCount, profileWidth);
        InferenceSessionHandle.Feed[] feeds = {
                new InferenceSessionHandle.Feed(Manifest.HISTORY_INPUT, history, rows, itemCount),
                new InferenceSessionHandle.Feed(Manifest.PROFILE_INPUT, profile, rows, profileWidth)
        };
        float[] scores = session.run(feeds, Manifest.SCORES_OUTPUT);
        // A model exported for another catalog would silently misalign titles and scores: refuse it.
        if (scores == null || scores.length != rows * itemCount) {
            throw new IllegalStateException("model returned " + (scores == null ? 0 : scores.length)
                    + " scores, expected " + rows + " x " + itemCount);
        }
        return scores;
    }

    public int itemCount() {
        return itemCount;
    }
}
