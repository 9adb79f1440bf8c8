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
    /** Whether the model has the explanation inputs and output (every model the trainer writes since issue 13). */
    private final boolean explains;

    public SessionScorer(InferenceSessionHandle session, int itemCount, int profileWidth) {
        this(session, itemCount, profileWidth, false);
    }

    /**
     * @param explains the model has the {@code explain_*} inputs and the {@code contributions} output: every run then
     *                 feeds all five inputs, the part it does not want as an empty batch (see
     *                 {@link ItemScorer#contributions}), and explanations come from one small run
     */
    public SessionScorer(InferenceSessionHandle session, int itemCount, int profileWidth, boolean explains) {
        if (session == null || itemCount <= 0 || profileWidth <= 0) {
            throw new IllegalArgumentException("a session, itemCount > 0 and profileWidth > 0 are required");
        }
        this.session = session;
        this.itemCount = itemCount;
        this.profileWidth = profileWidth;
        this.explains = explains;
    }

    @Override
    public float[] score(float[] history, float[] profile, int rows) {
        return start(history, profile, rows).await();
    }

    /** The run goes to the session now; {@code await} checks the output's length. */
    @Override
    public Pending start(float[] history, float[] profile, int rows) {
        ItemScorer.checkShapes(history, profile, rows, itemCount, profileWidth);
        InferenceSessionHandle.Feed[] feeds = feeds(history, profile, rows, new int[0], new float[0], new int[0]);
        Pending run = session.start(feeds, Manifest.SCORES_OUTPUT);
        return () -> {
            float[] scores = run.await();
            // A model exported for another catalog would silently misalign titles and scores: refuse it.
            if (scores == null || scores.length != rows * itemCount) {
                throw new IllegalStateException("model returned " + (scores == null ? 0 : scores.length)
                        + " scores, expected " + rows + " x " + itemCount);
            }
            return scores;
        };
    }

    /** One run fetching {@code contributions}, with empty history and profile batches; the long way for older models. */
    @Override
    public float[] contributions(int itemCount, int[] items, float[] weights, int[] targets) {
        ItemScorer.checkExplanation(items, weights, targets, this.itemCount);
        if (!explains) {
            return ItemScorer.super.contributions(this.itemCount, items, weights, targets);
        }
        float[] out = session.run(feeds(new float[0], new float[0], 0, items, weights, targets),
                Manifest.CONTRIBUTIONS_OUTPUT);
        if (out == null || out.length != items.length * targets.length) {
            throw new IllegalStateException("model returned " + (out == null ? 0 : out.length)
                    + " contributions, expected " + items.length + " x " + targets.length);
        }
        return out;
    }

    private InferenceSessionHandle.Feed[] feeds(float[] history, float[] profile, int rows, int[] items,
                                                float[] weights, int[] targets) {
        InferenceSessionHandle.Feed h = new InferenceSessionHandle.Feed(Manifest.HISTORY_INPUT, history, rows, itemCount);
        InferenceSessionHandle.Feed p = new InferenceSessionHandle.Feed(Manifest.PROFILE_INPUT, profile, rows, profileWidth);
        if (!explains) {
            return new InferenceSessionHandle.Feed[] {h, p};
        }
        return new InferenceSessionHandle.Feed[] {h, p,
                InferenceSessionHandle.Feed.int32(Manifest.EXPLAIN_ITEMS_INPUT, items),
                InferenceSessionHandle.Feed.float32(Manifest.EXPLAIN_WEIGHTS_INPUT, weights),
                InferenceSessionHandle.Feed.int32(Manifest.EXPLAIN_TARGETS_INPUT, targets)};
    }

    public int itemCount() {
        return itemCount;
    }
}
