package privrec.client.app;

import privrec.client.text.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import privrec.core.Manifest;

/** The model page's facts, from the manifest the page verified the files against. */
public final class ModelInfo {
    private ModelInfo() {
    }

    /** A labelled fact. */
    public record Line(String label, String value) {
    }

    public static List<Line> describe(Manifest manifest, String sourceNote) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Model id", manifest.modelId()));
        lines.add(new Line("How it works", "It learned which movies the same people like, from the training "
                + "ratings, and adds what people of your age, gender and occupation liked when you fill the optional "
                + "profile. Technically: " + manifest.algorithm() + "."));
        lines.add(new Line("Trained on", manifest.dataset() + ", ratings up to " + manifest.dataThrough()));
        lines.add(new Line("Movies in the catalog", String.valueOf(manifest.itemCount())));
        lines.add(new Line("Scores", "For you the model gives every movie a number; only their order means "
                + "something (it is not a star rating). A card's match bar shows where a movie sits between the "
                + "lowest and the highest score in that list."));
        lines.add(new Line("Input format version", String.valueOf(manifest.encoderVersion())));
        double total = 0;
        for (Manifest.FileEntry file : manifest.files()) {
            total += file.bytes();
        }
        lines.add(new Line("Download size (model + catalog)", Numbers.bytes(total)));
        for (Manifest.FileEntry file : manifest.files()) {
            lines.add(new Line("SHA-256 of " + file.name(), file.sha256()));
        }
        if (sourceNote != null && !sourceNote.isEmpty()) {
            lines.add(new Line("Loaded from", sourceNote));
        }
        return lines;
    }

    /**
     * The offline evaluation in plain words: what share of the movies a test person liked the model put in their
     * top 20 / top 50 (Recall), and how high up (NDCG, 0 to 1), next to the simplest alternative (the most popular
     * movies for everyone) and for people with no ratings yet (cold start). Keys the manifest lacks are skipped.
     */
    public static List<Line> metrics(Manifest manifest) {
        List<Line> lines = new ArrayList<>();
        Map<String, Object> m = manifest.metrics();
        Map<String, Object> model = map(m.get("model"));
        Map<String, Object> popular = map(map(m.get("baselines")).get("MostPopular"));
        Map<String, Object> cold = map(m.get("coldStart"));
        if (m.get("protocol") instanceof String protocol) {
            lines.add(new Line("How it was tested", "On people the model never saw during training ("
                    + protocol + "): some of the movies each of them liked were hidden, and the model ranked every "
                    + "movie from the rest."));
        }
        addShare(lines, "Hidden liked movies found in the top 20", model, popular, "recall@20");
        addShare(lines, "Hidden liked movies found in the top 50", model, popular, "recall@50");
        addScore(lines, "How high they ranked in the top 10 (0 to 1, higher is better)", model, popular, "ndcg@10");
        addScore(lines, "How high they ranked in the top 100 (0 to 1)", model, popular, "ndcg@100");
        addShare(lines, "With no ratings yet, from the optional profile alone: found in the top 20",
                map(cold.get("model")), map(cold.get("MostPopular")), "recall@20");
        return lines;
    }

    /** "32.3 % (the most popular movies: 14.2 %)". */
    private static void addShare(List<Line> lines, String label, Map<String, Object> model,
                                 Map<String, Object> baseline, String key) {
        if (model.get(key) instanceof Double value) {
            String text = Numbers.fixed(value * 100, 1) + " %";
            if (baseline.get(key) instanceof Double base) {
                text += " (the most popular movies for everyone: " + Numbers.fixed(base * 100, 1) + " %)";
            }
            lines.add(new Line(label, text));
        }
    }

    private static void addScore(List<Line> lines, String label, Map<String, Object> model,
                                 Map<String, Object> baseline, String key) {
        if (model.get(key) instanceof Double value) {
            String text = Numbers.fixed(value, 3);
            if (baseline.get(key) instanceof Double base) {
                text += " (the most popular movies for everyone: " + Numbers.fixed(base, 3) + ")";
            }
            lines.add(new Line(label, text));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
