package privrec.client.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An inference runtime whose sessions return fixed scores: item {@code i} scores {@code i} plus the row index,
 * so tests can check shapes and row order. Records the graph bytes and the external data names each session was
 * created from.
 */
final class FixedRuntime implements InferenceRuntime {
    final List<byte[]> sessionsCreatedFrom = new ArrayList<>();
    /** Per session: the external data files it was given, "name:size". */
    final List<List<String>> externalDataOf = new ArrayList<>();
    int outputItems = -1; // -1: answer rows x history width; else a wrong width to test the length check
    String failure;

    @Override
    public InferenceSessionHandle createSession(byte[] modelBytes, List<ExternalData> externalData) {
        if (failure != null) {
            throw new RuntimeException(failure);
        }
        sessionsCreatedFrom.add(Arrays.copyOf(modelBytes, modelBytes.length));
        List<String> data = new ArrayList<>();
        for (ExternalData d : externalData) {
            data.add(d.path() + ":" + d.data().length);
        }
        externalDataOf.add(data);
        return (feeds, outputName) -> {
            InferenceSessionHandle.Feed history = feeds[0];
            int width = outputItems < 0 ? history.width() : outputItems;
            float[] scores = new float[history.rows() * width];
            for (int r = 0; r < history.rows(); r++) {
                for (int i = 0; i < width; i++) {
                    scores[r * width + i] = i + r;
                }
            }
            return scores;
        };
    }
}
