package privrec.trainer.eval;

import privrec.trainer.model.Split;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The protocol run once per seed (each seed draws its own folds, fold-in/target cuts, validation users and model
 * randomness) and summarised: per metric the mean over seeds and the spread (sample standard deviation over seeds,
 * and min–max), and the model-to-yardstick ratios of the means. Split noise between seeds is larger than the
 * differences between good models, so claims are made on these means, never on one seed.
 *
 * @param runs one evaluation per seed, in the order given
 */
public record SeedSummary(List<Evaluation> runs) {
    public SeedSummary {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no seeds");
        }
        runs = List.copyOf(runs);
    }

    private static final List<String> METRICS = List.of("recall@20", "recall@50", "ndcg@10", "ndcg@100");

    private static ToDoubleFunction<MetricSet> metric(String name) {
        return switch (name) {
            case "recall@20" -> MetricSet::recall20;
            case "recall@50" -> MetricSet::recall50;
            case "ndcg@10" -> MetricSet::ndcg10;
            case "ndcg@100" -> MetricSet::ndcg100;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The result rows: name → how to read that row's metrics from one run (null when absent). */
    private Map<String, Function<Evaluation, MetricSet>> rows() {
        Map<String, Function<Evaluation, MetricSet>> rows = new LinkedHashMap<>();
        rows.put("model", Evaluation::model);
        rows.put("modelUnquantized", Evaluation::unquantized);
        rows.put("MostPopular", Evaluation::mostPopular);
        if (runs.stream().allMatch(r -> r.ease() != null)) {
            rows.put("EASE", Evaluation::ease);
        }
        rows.put("coldStart model", Evaluation::coldModel);
        rows.put("coldStart MostPopular", Evaluation::coldPopular);
        return rows;
    }

    public double mean(Function<Evaluation, MetricSet> row, String metricName) {
        ToDoubleFunction<MetricSet> m = metric(metricName);
        return runs.stream().mapToDouble(r -> m.applyAsDouble(row.apply(r))).average().orElseThrow();
    }

    /** Sample standard deviation over seeds (0 for one seed). */
    public double std(Function<Evaluation, MetricSet> row, String metricName) {
        ToDoubleFunction<MetricSet> m = metric(metricName);
        double mean = mean(row, metricName);
        double sum = 0;
        for (Evaluation r : runs) {
            double d = m.applyAsDouble(row.apply(r)) - mean;
            sum += d * d;
        }
        return runs.size() < 2 ? 0 : Math.sqrt(sum / (runs.size() - 1));
    }

    /** Ratio of the means: model over EASE (warm) and cold-start model over cold-start MostPopular. */
    public Map<String, Object> ratios() {
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (String name : List.of("recall@20", "ndcg@100")) {
            if (rows().containsKey("EASE")) {
                ratios.put("model/EASE " + name, round(mean(Evaluation::model, name) / mean(Evaluation::ease, name)));
            }
        }
        for (String name : List.of("recall@20", "ndcg@100")) {
            // What quantization costs: shipped (int8) minus float32, same splits (issue 13 asks for ≤ 0.005).
            ratios.put("int8 - float32 " + name, round(mean(Evaluation::model, name) - mean(Evaluation::unquantized, name)));
        }
        ratios.put("model/MostPopular recall@20", round(mean(Evaluation::model, "recall@20")
                / mean(Evaluation::mostPopular, "recall@20")));
        ratios.put("coldStart model/MostPopular recall@20", round(mean(Evaluation::coldModel, "recall@20")
                / mean(Evaluation::coldPopular, "recall@20")));
        return ratios;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Long> seeds = new ArrayList<>();
        for (Evaluation r : runs) {
            seeds.add(r.seed());
        }
        root.put("seeds", seeds);
        root.put("split", runs.get(0).split().label());
        Map<String, Object> mean = new LinkedHashMap<>();
        Map<String, Object> spread = new LinkedHashMap<>();
        for (Map.Entry<String, Function<Evaluation, MetricSet>> row : rows().entrySet()) {
            Map<String, Object> m = new LinkedHashMap<>();
            Map<String, Object> s = new LinkedHashMap<>();
            for (String name : METRICS) {
                m.put(name, round(mean(row.getValue(), name)));
                ToDoubleFunction<MetricSet> read = metric(name);
                double min = runs.stream().mapToDouble(r -> read.applyAsDouble(row.getValue().apply(r))).min().orElseThrow();
                double max = runs.stream().mapToDouble(r -> read.applyAsDouble(row.getValue().apply(r))).max().orElseThrow();
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("std", round(std(row.getValue(), name)));
                one.put("min", round(min));
                one.put("max", round(max));
                s.put(name, one);
            }
            mean.put(row.getKey(), m);
            spread.put(row.getKey(), s);
        }
        root.put("mean", mean);
        root.put("spread", spread);
        root.put("ratios", ratios());
        List<Object> perSeed = new ArrayList<>();
        for (Evaluation r : runs) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("seed", r.seed());
            one.putAll(r.toJson());
            perSeed.add(one);
        }
        root.put("runs", perSeed);
        return root;
    }

    public String toTable() {
        StringBuilder out = new StringBuilder();
        List<Long> seeds = runs.stream().map(Evaluation::seed).toList();
        out.append(String.format("mean ± std over seeds %s (%s split, %d folds each)%n", seeds,
                runs.get(0).split().label(), runs.get(0).folds()));
        out.append(String.format("%-24s %17s %17s %17s %17s%n", "", "Recall@20", "Recall@50", "NDCG@10", "NDCG@100"));
        for (Map.Entry<String, Function<Evaluation, MetricSet>> row : rows().entrySet()) {
            out.append(String.format("%-24s", row.getKey()));
            for (String name : METRICS) {
                out.append(String.format(" %9.4f ± %.4f", mean(row.getValue(), name), std(row.getValue(), name)));
            }
            out.append('\n');
        }
        for (Map.Entry<String, Object> ratio : ratios().entrySet()) {
            out.append(String.format("%-40s %.4f%n", ratio.getKey(), (Double) ratio.getValue()));
        }
        return out.toString();
    }

    private static double round(double value) {
        return MetricSet.round(value);
    }
}
