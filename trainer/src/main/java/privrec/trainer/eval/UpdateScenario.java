package privrec.trainer.eval;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import privrec.core.Catalog;
import privrec.core.Encoder;
import privrec.core.TopN;
import privrec.core.ItemScorer;
import privrec.trainer.data.Movie;
import privrec.trainer.data.TimeSplit;
import privrec.trainer.model.BasisRefit;
import privrec.trainer.model.CollaborativeFactors;
import privrec.trainer.model.Interactions;
import privrec.trainer.model.Metrics;
import privrec.trainer.model.ModelTrainer;
import privrec.trainer.model.Split;
import privrec.trainer.model.TrainParams;
import privrec.trainer.model.TrainedModel;
import privrec.trainer.model.UserPositives;

/**
 * The model-update scenario of docs/model-updates.md, measured under the strong-generalization protocol: the users
 * of the full data are split once (fold 1 of 5 for the seed); the old release is trained on the training users'
 * ratings in the base part of a {@link TimeSplit}; the update re-fits it on the training users' full data
 * ({@link BasisRefit}); the full retrain trains on the same users from scratch (tuning included). All three are
 * measured on the same test users, who none of them saw, over every movie: the old release cannot recommend the
 * movies added since, which count as misses. "New movies": the added movies ranked among themselves for each test
 * user with a held-out positive on one (Recall@10 over those positives): what a model knows about movies the old
 * release never saw (the old release scores them all alike, so its order is the catalog's).
 */
public final class UpdateScenario {
    /** Depth of the new-movies ranking. */
    public static final int NEW_DEPTH = 10;

    /** One seed's figures. */
    public record SeedResult(long seed, MetricSet base, MetricSet update, MetricSet retrain,
                             MetricSet updateWithoutAdded, double newBase, double newUpdate, double newRetrain,
                             int newUsers, double updateSeconds, double retrainSeconds) {
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seed", seed);
            m.put("oldRelease", base.toMap());
            m.put("update", update.toMap());
            m.put("fullRetrain", retrain.toMap());
            m.put("updateWithoutAddedMovies", updateWithoutAdded.toMap());
            Map<String, Object> fresh = new LinkedHashMap<>();
            fresh.put("users", newUsers);
            fresh.put("oldRelease", round(newBase));
            fresh.put("update", round(newUpdate));
            fresh.put("fullRetrain", round(newRetrain));
            m.put("newMoviesRecall@" + NEW_DEPTH, fresh);
            m.put("updateSeconds", round(updateSeconds));
            m.put("retrainSeconds", round(retrainSeconds));
            return m;
        }
    }

    private UpdateScenario() {
    }

    public static SeedResult run(TimeSplit split, TrainParams params, long seed) {
        List<Movie> baseColumns = new ArrayList<>(split.base().movies());
        baseColumns.sort((a, b) -> Integer.compare(a.id(), b.id()));
        List<Movie> added = new ArrayList<>();
        for (Movie movie : split.full().movies()) {
            if (split.newMovies().contains(movie.id())) {
                added.add(movie);
            }
        }
        added.sort((a, b) -> Integer.compare(a.id(), b.id()));
        List<Movie> columns = new ArrayList<>(baseColumns);
        columns.addAll(added);
        int n0 = baseColumns.size();
        int n = columns.size();
        Interactions full = Interactions.of(split.full(), columns);
        Split.Fold fold = Split.folds(full.users(), 5, seed).get(0);
        Set<Integer> trainingIds = new HashSet<>();
        for (UserPositives user : fold.training()) {
            trainingIds.add(user.userId());
        }
        List<UserPositives> baseUsers = new ArrayList<>();
        for (UserPositives user : Interactions.of(split.base(), baseColumns).users()) {
            if (trainingIds.contains(user.userId())) {
                baseUsers.add(user);
            }
        }
        OffsetDateTime time = OffsetDateTime.parse("2000-01-01T00:00:00Z");
        TrainedModel base = ModelTrainer.train(baseUsers, n0, params, "old release", time, ModelTrainer.Listener.NONE)
                .quantized();
        CollaborativeFactors f = base.scorer().collab();
        BasisRefit.Basis basis = new BasisRefit.Basis(f.u(), f.rowScale(), f.inputScale(), n0, f.rank());
        BasisRefit.Settings settings = new BasisRefit.Settings(base.lambda(), base.beta(), base.inputPopularity(),
                base.outputPopularity(), f.inputPower(), params.tailCorrection(), params.profile());
        long start = System.nanoTime();
        TrainedModel update = BasisRefit.refit(basis, fold.training(), n, settings, "update", time);
        double updateSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        TrainedModel retrain = ModelTrainer.train(fold.training(), n, params, "full retrain", time,
                ModelTrainer.Listener.NONE).quantized();
        double retrainSeconds = (System.nanoTime() - start) / 1e9;

        Catalog catalog = full.catalog(fold.training());
        ItemScorer old = widened(base.scorer(), n0, n);
        boolean[] isNew = new boolean[n];
        for (int j = n0; j < n; j++) {
            isNew[j] = true;
        }
        double[] fresh = new double[3];
        int freshUsers = 0;
        ItemScorer[] scorers = {old, update.scorer(), retrain.scorer()};
        for (Split.TestUser user : fold.test()) {
            int count = 0;
            boolean[] target = new boolean[n];
            for (int c : user.targets()) {
                if (isNew[c]) {
                    target[c] = true;
                    count++;
                }
            }
            if (count == 0) {
                continue;
            }
            freshUsers++;
            float[] history = new float[n];
            boolean[] excluded = new boolean[n];
            for (int i = 0; i < user.foldIn().length; i++) {
                history[user.foldIn()[i]] = Encoder.historyWeight(user.foldInStars()[i]);
                excluded[user.foldIn()[i]] = true;
            }
            float[] profile = Encoder.encodeProfile(user.user().profile());
            for (int m = 0; m < 3; m++) {
                int[] top = TopN.select(scorers[m].score(history, profile, 1), excluded, NEW_DEPTH, j -> isNew[j]);
                fresh[m] += Metrics.recall(top, target, count, NEW_DEPTH);
            }
        }
        int u = Math.max(1, freshUsers);
        return new SeedResult(seed, Evaluator.warm(catalog, old, fold.test()),
                Evaluator.warm(catalog, update.scorer(), fold.test()), Evaluator.warm(catalog, retrain.scorer(), fold.test()),
                Evaluator.warm(catalog, withoutAdded(update.scorer(), n0, n), fold.test()),
                fresh[0] / u, fresh[1] / u, fresh[2] / u, freshUsers, updateSeconds, retrainSeconds);
    }

    /** A model whose added columns (n0 and up) are never recommended: what it does on the old release's movies. */
    static ItemScorer withoutAdded(ItemScorer model, int n0, int n) {
        return (history, profile, rows) -> {
            float[] out = model.score(history, profile, rows);
            for (int r = 0; r < rows; r++) {
                for (int j = n0; j < n; j++) {
                    out[r * n + j] = -Float.MAX_VALUE;
                }
            }
            return out;
        };
    }

    /** The old release over today's columns: it reads the columns it has and cannot score the added ones. */
    static ItemScorer widened(ItemScorer old, int n0, int n) {
        return (history, profile, rows) -> {
            float[] narrow = new float[rows * n0];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(history, r * n, narrow, r * n0, n0);
            }
            float[] scores = old.score(narrow, profile, rows);
            float[] out = new float[rows * n];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(scores, r * n0, out, r * n, n0);
                for (int j = n0; j < n; j++) {
                    out[r * n + j] = -Float.MAX_VALUE;
                }
            }
            return out;
        };
    }

    private static double round(double v) {
        return Math.rint(v * 10_000) / 10_000;
    }
}
