package privrec.client.app;

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
        lines.add(new Line("Algorithm", manifest.algorithm()));
        lines.add(new Line("Training data", manifest.dataset()));
        lines.add(new Line("Data through", manifest.dataThrough()));
        lines.add(new Line("Movies in catalog", String.valueOf(manifest.itemCount())));
        lines.add(new Line("Encoder version", String.valueOf(manifest.encoderVersion())));
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

    /** Offline metrics flattened to "group / name" lines, numbers to 4 decimals. */
    public static List<Line> metrics(Manifest manifest) {
        List<Line> lines = new ArrayList<>();
        flatten("", manifest.metrics(), lines);
        return lines;
    }

    private static void flatten(String prefix, Map<String, Object> map, List<Line> out) {
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String label = prefix.isEmpty() ? entry.getKey() : prefix + " / " + entry.getKey();
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) nested;
                flatten(label, typed, out);
            } else if (value instanceof Double d) {
                out.add(new Line(label, Numbers.fixed(d, 4)));
            } else {
                out.add(new Line(label, String.valueOf(value)));
            }
        }
    }
}
