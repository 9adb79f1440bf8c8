package privrec.webapp.scenarios;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.HashMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import privrec.core.Catalog;
import privrec.core.Encoder;
import privrec.core.Profile;
import privrec.core.Rating;
import privrec.webapp.OrtJava;
import privrec.webapp.Site;

/**
 * The JVM's opinion of a served model: ONNX Runtime Java (telemetry off) on the exact parts the site serves (the
 * graph loaded by path from a folder holding its external data files under their names), fed by core's
 * {@link Encoder} from the served catalog chunks — what the browser must reproduce.
 */
public final class ReferenceScorer implements AutoCloseable {
    private final Catalog catalog;
    private final OrtSession session;

    public ReferenceScorer(Site site) {
        ServedRelease release = ServedRelease.of(site);
        this.catalog = release.catalog();
        Path dir = release.writeToTemporaryFolder();
        try {
            this.session = OrtJava.environment().createSession(dir.resolve(release.manifest().modelFile()).toString(),
                    new OrtSession.SessionOptions());
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        } finally {
            ServedRelease.delete(dir);
        }
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Scores of every catalog item, in column order, for one user. */
    public float[] scores(List<Rating> ratings, Profile profile) {
        float[] history = Encoder.encodeHistory(ratings, catalog);
        float[] profileRow = Encoder.encodeProfile(profile);
        try (OnnxTensor h = OnnxTensor.createTensor(OrtJava.environment(), FloatBuffer.wrap(history),
                     new long[] {1, history.length});
             OnnxTensor p = OnnxTensor.createTensor(OrtJava.environment(), FloatBuffer.wrap(profileRow),
                     new long[] {1, profileRow.length});
             OnnxTensor noItems = OnnxTensor.createTensor(OrtJava.environment(), IntBuffer.wrap(new int[0]), new long[] {0});
             OnnxTensor noWeights = OnnxTensor.createTensor(OrtJava.environment(), FloatBuffer.wrap(new float[0]), new long[] {0});
             OrtSession.Result r = session.run(feeds(h, p, noItems, noWeights))) {
            FloatBuffer out = ((OnnxTensor) r.get("scores").orElseThrow()).getFloatBuffer();
            float[] scores = new float[out.remaining()];
            out.get(scores);
            return scores;
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * history and profile, plus empty explanation inputs when the model has them (every run must feed every input,
     * see {@code ItemScorer#contributions}).
     */
    private Map<String, OnnxTensor> feeds(OnnxTensor h, OnnxTensor p, OnnxTensor noItems, OnnxTensor noWeights)
            throws OrtException {
        Map<String, OnnxTensor> feeds = new HashMap<>(Map.of("history", h, "profile", p));
        if (session.getInputNames().contains("explain_items")) {
            feeds.put("explain_items", noItems);
            feeds.put("explain_weights", noWeights);
            feeds.put("explain_targets", noItems);
        }
        return feeds;
    }

    /** Score of one movie (by id) from a {@link #scores} row. */
    public float scoreOf(float[] scores, int movieId) {
        return scores[catalog.indexOf(movieId)];
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
