package privrec.trainer.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDModel;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

import privrec.core.Encoder;

/**
 * "Popular with people like you": a Tribuo multi-output linear regression from the profile one-hot
 * ({@link Encoder#PROFILE_FEATURES}) to a profile group's targets, trained with {@link LinearSGDTrainer} (squared
 * loss, AdaGrad). The shipped model's targets are each group's deviation from the overall positive rates, as a code
 * in the item basis ({@link ProfileGroup#inBasis}, {@link HybridModel}). With one-hot inputs its optimum is the
 * per-group mean; a small learning rate stops it early, which shrinks small demographic groups towards the overall
 * rate (early stopping acts as L2 here). On the deviation codes 30 epochs at 0.01 measured better than 3 or 10
 * (ML-100k seed 1: Recall@20 0.4170 / 0.4157 / 0.4120, cold start 0.3609 / 0.3604 / 0.3562; docs/quality-experiments.md);
 * on the former per-item 0/1 targets 3 epochs had been best. With an empty profile the code is the intercept.
 *
 * <p>Column-order contract: Tribuo orders ONNX input columns by sorted feature name and output columns by output
 * id. Features are the (already sorted) profile names, every one present in every example (zeros included) so the
 * feature map always has all of them; output dimensions are zero-padded item columns, so name order = column order.
 * Both are checked after training rather than assumed.
 */
public final class ProfileRegression {
    /** Trainer settings. */
    public record Settings(int epochs, double learningRate, long seed) {
        public static final Settings DEFAULT = new Settings(30, 0.01, 42);
    }

    /** The Tribuo model and its weights in catalog column order. */
    public record Trained(LinearSGDModel model, ProfileWeights weights) {
    }

    /**
     * Tribuo's SGD trainer logs every output dimension's statistics at INFO (hundreds of KB for a catalog); keep a
     * strong reference so the level sticks.
     */
    private static final Logger SGD_LOG = Logger.getLogger("org.tribuo.common.sgd");

    static {
        SGD_LOG.setLevel(Level.WARNING);
    }

    private ProfileRegression() {
    }

    /** Output dimension name of a catalog column: zero-padded so that sorting names sorts columns. */
    public static String dimensionName(int column, int itemCount) {
        int digits = Math.max(1, Integer.toString(Math.max(0, itemCount - 1)).length());
        StringBuilder name = new StringBuilder("item");
        String value = Integer.toString(column);
        for (int i = value.length(); i < digits; i++) {
            name.append('0');
        }
        return name.append(value).toString();
    }

    /**
     * @param dataTime when the data ends; recorded as the data source time so provenance does not depend on the
     *                 wall clock
     */
    public static Trained train(List<UserPositives> users, int itemCount, Settings settings, String description,
                                OffsetDateTime dataTime) {
        return trainOnGroups(ProfileGroup.of(users, itemCount), itemCount, settings, description, dataTime);
    }

    /** Trains on the users' sufficient statistics, however they were counted ({@link TrainingUsers#profileGroups}). */
    public static Trained trainOnGroups(List<ProfileGroup> groups, int itemCount, Settings settings, String description,
                                OffsetDateTime dataTime) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("no training users for the profile model");
        }
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance(description, dataTime, factory), factory);
        String[] dims = new String[itemCount];
        for (int j = 0; j < itemCount; j++) {
            dims[j] = dimensionName(j, itemCount);
        }
        String[] features = Encoder.PROFILE_FEATURES.toArray(new String[0]);
        for (ProfileGroup group : groups) {
            double[] values = new double[group.onehot().length];
            for (int f = 0; f < values.length; f++) {
                values[f] = group.onehot()[f];
            }
            ArrayExample<Regressor> example = new ArrayExample<>(new Regressor(dims, group.meanTarget()), features, values);
            example.setWeight(group.users());
            dataset.add(example);
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new SquaredLoss(), new AdaGrad(settings.learningRate(), 1e-6),
                settings.epochs(), -1, 1, settings.seed());
        LinearSGDModel model = trainer.train(dataset);
        return new Trained(model, extract(model, itemCount));
    }

    /** The model's weights in catalog column order; checks the feature and output naming contract. */
    static ProfileWeights extract(LinearSGDModel model, int itemCount) {
        ImmutableFeatureMap featureMap = model.getFeatureIDMap();
        int width = Encoder.profileWidth();
        if (featureMap.size() != width) {
            throw new IllegalStateException("profile model has " + featureMap.size() + " features, expected " + width);
        }
        for (int f = 0; f < width; f++) {
            String name = featureMap.get(f).getName();
            if (!name.equals(Encoder.PROFILE_FEATURES.get(f))) {
                throw new IllegalStateException("profile feature " + f + " is " + name + ", expected "
                        + Encoder.PROFILE_FEATURES.get(f));
            }
        }
        ImmutableOutputInfo<Regressor> outputs = model.getOutputIDInfo();
        if (outputs.size() != itemCount) {
            throw new IllegalStateException("profile model has " + outputs.size() + " outputs, expected " + itemCount);
        }
        DenseMatrix weights = model.getWeightsCopy(); // outputs × (features + bias)
        float[] w = new float[width * itemCount];
        float[] b = new float[itemCount];
        for (int id = 0; id < itemCount; id++) {
            int column = columnOfOutput(model, id, itemCount);
            for (int f = 0; f < width; f++) {
                w[f * itemCount + column] = (float) weights.get(id, f);
            }
            b[column] = (float) weights.get(id, width);
        }
        return new ProfileWeights(w, b, itemCount);
    }

    /** The catalog column of Tribuo output id {@code id}; equal to id when names sort as columns (checked). */
    public static int columnOfOutput(LinearSGDModel model, int id, int itemCount) {
        String name = model.getOutputIDInfo().getOutput(id).getNames()[0];
        int column = Integer.parseInt(name.substring("item".length()));
        if (!name.equals(dimensionName(column, itemCount))) {
            throw new IllegalStateException("unexpected output dimension name " + name);
        }
        return column;
    }

    /** Output id of each catalog column (identity when Tribuo orders ids by name). */
    public static int[] outputIdOfColumn(LinearSGDModel model, int itemCount) {
        int[] ids = new int[itemCount];
        for (int id = 0; id < itemCount; id++) {
            ids[columnOfOutput(model, id, itemCount)] = id;
        }
        return ids;
    }
}
