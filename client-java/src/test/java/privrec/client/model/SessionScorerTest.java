package privrec.client.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import privrec.core.Manifest;

class SessionScorerTest {
    private final FixedRuntime runtime = new FixedRuntime();

    @Test
    void oneRunScoresTheWholeCatalogForEveryRow() {
        List<String> calls = new ArrayList<>();
        InferenceSessionHandle session = runtime.createSession(new byte[1], List.of());
        SessionScorer scorer = new SessionScorer((feeds, output) -> {
            calls.add(feeds[0].name() + feeds[0].rows() + "x" + feeds[0].width() + " "
                    + feeds[1].name() + feeds[1].rows() + "x" + feeds[1].width() + " -> " + output);
            return session.run(feeds, output);
        }, 3, 2);

        float[] scores = scorer.score(new float[6], new float[4], 2);

        assertEquals(List.of(Manifest.HISTORY_INPUT + "2x3 " + Manifest.PROFILE_INPUT + "2x2 -> " + Manifest.SCORES_OUTPUT), calls);
        assertArrayEquals(new float[]{0, 1, 2, 1, 2, 3}, scores);
    }

    @Test
    void outputOfTheWrongLengthIsRefused() {
        runtime.outputItems = 4;
        SessionScorer scorer = new SessionScorer(runtime.createSession(new byte[1], List.of()), 3, 2);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> scorer.score(new float[3], new float[2], 1));
        assertTrue(e.getMessage().contains("4 scores, expected 1 x 3"), e.getMessage());
    }

    @Test
    void inputOfTheWrongShapeIsRefusedBeforeRunning() {
        SessionScorer scorer = new SessionScorer((feeds, output) -> {
            throw new AssertionError("must not run");
        }, 3, 2);

        assertThrows(IllegalArgumentException.class, () -> scorer.score(new float[4], new float[2], 1));
        assertThrows(IllegalArgumentException.class, () -> scorer.score(new float[3], new float[3], 1));
    }
}
