package privrec.trainer.eval;

import privrec.trainer.model.Split;
import privrec.trainer.model.Metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import privrec.trainer.model.ExactEase;

/**
 * Results of the protocol: the model and the baselines on the same folds, plus cold start.
 *
 * @param modelName    the model's name
 * @param split        which ratings the test users' fold-in/target split was drawn from
 * @param model        the model as shipped (int8 basis and profile weights)
 * @param unquantized  the same model with float32 weights, before quantization
 * @param mostPopular  MostPopular baseline
 * @param ease         exact EASE baseline with λ tuned per fold ({@link TunedEase}), or null when not run
 * @param easeLambdas  the λ chosen for EASE in each fold (empty when not run)
 * @param coldModel    cold start (empty history, profile only): the model
 * @param coldPopular  cold start: MostPopular
 * @param folds        number of folds run
 * @param seed         seed of the splits and of training
 * @param seconds      wall time of the run
 */
public record Evaluation(String modelName, Split.Mode split, MetricSet model, MetricSet unquantized, MetricSet mostPopular, MetricSet ease,
                         List<Double> easeLambdas, MetricSet coldModel, MetricSet coldPopular, int folds, long seed,
                         double seconds) {

    /** The {@code --json} shape. */
    public Map<String, Object> toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> modelMap = new LinkedHashMap<>();
        modelMap.put("name", modelName);
        modelMap.putAll(model.toMap());
        root.put("model", modelMap);
        root.put("modelUnquantized", unquantized.toMap());
        Map<String, Object> baselines = new LinkedHashMap<>();
        baselines.put("MostPopular", mostPopular.toMap());
        if (ease != null) {
            Map<String, Object> easeMap = new LinkedHashMap<>(ease.toMap());
            easeMap.put("lambdaPerFold", easeLambdas);
            baselines.put("EASE", easeMap);
        }
        root.put("baselines", baselines);
        Map<String, Object> cold = new LinkedHashMap<>();
        cold.put("model", coldModel.toMap());
        cold.put("MostPopular", coldPopular.toMap());
        root.put("coldStart", cold);
        root.put("seconds", Math.rint(seconds * 10) / 10);
        root.put("split", split.label());
        return root;
    }

    /**
     * Metrics for the manifest (no timing, so the manifest stays reproducible). {@code train} evaluates on the
     * documented protocol only, which {@code protocol} names, so the split is not repeated here.
     */
    public Map<String, Object> toManifest(String protocol) {
        if (split != Split.Mode.POSITIVES) {
            throw new IllegalStateException("manifest metrics are on the documented (positives) split, not " + split);
        }
        Map<String, Object> root = toJson();
        root.remove("seconds");
        root.remove("split");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("protocol", protocol);
        out.putAll(root);
        return out;
    }

    public String toTable() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-34s %9s %9s %9s %9s%n", "model", "Recall@20", "Recall@50", "NDCG@10", "NDCG@100"));
        row(out, modelName + " (int8, shipped)", model);
        row(out, "  same model, float32 weights", unquantized);
        row(out, "MostPopular", mostPopular);
        if (ease != null) {
            row(out, "EASE (exact, lambda tuned)", ease);
            out.append(String.format("  EASE lambda per fold (validation users): %s%n", easeLambdas));
        } else {
            out.append("EASE (exact): not run (train skips it; evaluate skips it above " + ExactEase.MAX_ITEMS + " items)\n");
        }
        out.append(String.format("cold start (empty history, profile only)%n"));
        row(out, modelName, coldModel);
        row(out, "MostPopular", coldPopular);
        out.append(String.format("%d folds, %d test users, %s split, seed %d, %.1f s%n", folds, model.users(),
                split.label(), seed, seconds));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, MetricSet m) {
        out.append(String.format("%-34s %9.4f %9.4f %9.4f %9.4f%n", name, m.recall20(), m.recall50(), m.ndcg10(), m.ndcg100()));
    }
}
