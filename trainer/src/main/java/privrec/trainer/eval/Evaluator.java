package privrec.trainer.eval;

import privrec.trainer.model.Split;
import privrec.trainer.model.UserRatings;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import privrec.core.Catalog;
import privrec.core.ItemScorer;
import privrec.core.Rating;
import privrec.core.Recommender;
import privrec.trainer.model.ExactEase;
import privrec.trainer.model.InMemoryUsers;
import privrec.trainer.model.Interactions;
import privrec.trainer.model.HybridModel;
import privrec.trainer.model.ModelTrainer;
import privrec.trainer.model.MostPopular;
import privrec.trainer.model.TrainParams;
import privrec.trainer.model.TrainedModel;
import privrec.trainer.model.TrainingUsers;
import privrec.trainer.model.UserPositives;

/**
 * Runs the evaluation protocol. Every ranking goes through core's {@link Recommender#rank} with an
 * {@link ItemScorer}, the same encode → score → rank path the browser runs, so the numbers describe the product.
 */
public final class Evaluator {
    public static final String MODEL_NAME = "LowRankEASE+ProfileRegression";

    /** Per-fold progress. */
    public interface Listener {
        void foldStarted(int fold, int folds);

        default void foldFinished(int fold, int folds) {
        }

        /** The model trained for a fold (training reuses fold 1's tuned λ and β). */
        default void foldModel(int fold, TrainedModel model) {
        }

        ModelTrainer.Listener trainer();
    }

    private Evaluator() {
    }

    /** The documented protocol ({@link Split.Mode#POSITIVES}). */
    public static Evaluation run(Interactions data, TrainParams params, int folds, long seed, boolean withEase,
                                 int foldLimit, Listener listener) {
        return run(data, null, params, folds, seed, withEase, foldLimit, listener);
    }

    /**
     * The protocol on {@link Split.Mode#POSITIVES} splits when {@code allRatings} is null, else on {@link
     * Split.Mode#ALL_RATINGS} splits built from every user's ratings ({@link UserRatings#of}). The model and both
     * baselines rank through the same {@link Recommender} with the same fold-in ratings: every fold-in rating is
     * encoded at its history weight ({@link privrec.core.Encoder#encodeHistory}) and excluded. The baselines stay
     * the protocol's: MostPopular ignores the history and exact EASE reads only its positives.
     */
    public static Evaluation run(Interactions data, Map<Integer, UserRatings> allRatings, TrainParams params, int folds,
                                 long seed, boolean withEase, int foldLimit, Listener listener) {
        return run(data, new InMemoryUsers(data.users(), data.itemCount()), allRatings, params, folds, seed, withEase,
                foldLimit, listener);
    }

    /**
     * The protocol with the fold models trained on {@code population} (the same users as {@code data}'s, held in
     * memory or distributed): {@code data} gives the catalog and the users the folds are dealt from (all of them, or
     * only those with at least {@link Split#MIN_POSITIVES} positives: the folds are the same), {@code population}
     * the training sums of each fold's training users.
     */
    public static Evaluation run(Interactions data, TrainingUsers population, Map<Integer, UserRatings> allRatings,
                                 TrainParams params, int folds, long seed, boolean withEase, int foldLimit,
                                 Listener listener) {
        long start = System.nanoTime();
        Split.Mode mode = allRatings == null ? Split.Mode.POSITIVES : Split.Mode.ALL_RATINGS;
        List<Split.Fold> splits = Split.folds(data.users(), folds, seed, allRatings);
        int runFolds = Math.min(foldLimit, folds);
        boolean ease = withEase && data.itemCount() <= ExactEase.MAX_ITEMS;
        List<MetricSet> model = new ArrayList<>();
        List<MetricSet> popular = new ArrayList<>();
        List<MetricSet> easeResults = new ArrayList<>();
        List<Double> easeLambdas = new ArrayList<>();
        List<MetricSet> coldModel = new ArrayList<>();
        List<MetricSet> unquantized = new ArrayList<>();
        List<MetricSet> coldPopular = new ArrayList<>();
        OffsetDateTime dataTime = OffsetDateTime.parse("2000-01-01T00:00:00Z");
        for (int f = 0; f < runFolds; f++) {
            listener.foldStarted(f, runFolds);
            Split.Fold fold = splits.get(f);
            Catalog catalog = data.catalog(fold.training());
            List<UserPositives> testUsers = new ArrayList<>(fold.test().size());
            for (Split.TestUser user : fold.test()) {
                testUsers.add(user.user());
            }
            // The fold's training users are the eligible users outside its test users (Split.Fold#training).
            TrainingUsers foldTraining = population.eligibleOnly().without(testUsers);
            TrainedModel trained = ModelTrainer.train(foldTraining, params, data.description() + " fold " + f, dataTime,
                    listener.trainer());
            foldTraining.release();
            listener.foldModel(f, trained);
            MostPopular mostPopular = new MostPopular(Interactions.popularity(fold.training(), data.itemCount()));
            // The shipped model is the quantized one; the float32 model it came from is measured beside it.
            HybridModel shipped = trained.quantized().scorer();
            model.add(warm(catalog, shipped, fold.test()));
            unquantized.add(warm(catalog, trained.scorer(), fold.test()));
            popular.add(warm(catalog, mostPopular, fold.test()));
            coldModel.add(cold(catalog, shipped, fold.test()));
            coldPopular.add(cold(catalog, mostPopular, fold.test()));
            if (ease) {
                // λ tuned on the same validation users and grid as the model's (TunedEase), never on test users.
                TunedEase exact = TunedEase.train(fold.training(), data.itemCount(), params);
                easeLambdas.add(exact.lambda());
                easeResults.add(warm(catalog, exact.ease(), fold.test()));
            }
            listener.foldFinished(f, runFolds);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Evaluation(MODEL_NAME, mode, MetricSet.meanOf(model), MetricSet.meanOf(unquantized), MetricSet.meanOf(popular),
                ease ? MetricSet.meanOf(easeResults) : null, List.copyOf(easeLambdas), MetricSet.meanOf(coldModel),
                MetricSet.meanOf(coldPopular), runFolds, seed, seconds);
    }

    /** Fold-in history in, targets scored. */
    static MetricSet warm(Catalog catalog, ItemScorer scorer, List<Split.TestUser> users) {
        Recommender recommender = new Recommender(catalog, scorer);
        MetricSet.Accumulator acc = new MetricSet.Accumulator();
        for (Split.TestUser user : users) {
            if (user.targets().length == 0) {
                continue;
            }
            acc.add(rank(recommender, user), mask(catalog.size(), user.targets()), user.targets().length);
        }
        return acc.result();
    }

    /** The top {@link MetricSet#DEPTH} columns for a test user: its fold-in ratings in, every one excluded. */
    static int[] rank(Recommender recommender, Split.TestUser user) {
        return recommender.rank(ratings(recommender.catalog(), user), user.user().profile(), MetricSet.DEPTH);
    }

    /** Empty history, profile only; every positive is a target. */
    static MetricSet cold(Catalog catalog, ItemScorer scorer, List<Split.TestUser> users) {
        Recommender recommender = new Recommender(catalog, scorer);
        MetricSet.Accumulator acc = new MetricSet.Accumulator();
        for (Split.TestUser user : users) {
            int[] all = user.user().columns();
            int[] ranked = recommender.rank(Collections.emptyList(), user.user().profile(), MetricSet.DEPTH);
            acc.add(ranked, mask(catalog.size(), all), all.length);
        }
        return acc.result();
    }

    /** The test user's fold-in ratings (low ones too, under the all-ratings split), as the browser would hold them. */
    static List<Rating> ratings(Catalog catalog, Split.TestUser user) {
        int[] columns = user.foldIn();
        List<Rating> ratings = new ArrayList<>(columns.length);
        for (int i = 0; i < columns.length; i++) {
            ratings.add(new Rating(catalog.get(columns[i]).id(), user.foldInStars()[i]));
        }
        return ratings;
    }

    private static boolean[] mask(int n, int[] columns) {
        boolean[] mask = new boolean[n];
        for (int c : columns) {
            mask[c] = true;
        }
        return mask;
    }
}
