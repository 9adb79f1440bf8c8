package privrec.trainer.model;

import java.util.Arrays;

import privrec.core.Encoder;
import privrec.core.Profile;

/**
 * One user's positive ratings (stars at or above {@link privrec.core.Encoder#POSITIVE_THRESHOLD}), as catalog
 * columns in ascending order, with the stars given (kept so evaluation can hand real ratings to the pipeline), and
 * the user's graded row for training: every rating with a non-zero {@link Encoder#historyWeight} (low-but-liked
 * ratings such as 3 stars included), at that weight.
 *
 * @param userId          the data set's user id (training only; never exported)
 * @param profile         the user's profile, {@link Profile#EMPTY} when unknown
 * @param columns         positively rated catalog columns, ascending, no duplicates
 * @param stars           stars for each column
 * @param weightedColumns catalog columns with a non-zero history weight, ascending, no duplicates
 * @param weights         {@link Encoder#historyWeight} of each weighted column's stars
 */
public record UserPositives(int userId, Profile profile, int[] columns, float[] stars, int[] weightedColumns,
                            float[] weights) {
    public UserPositives {
        LatestRatings.requireAscending(userId, columns, stars);
        LatestRatings.requireAscending(userId, weightedColumns, weights);
    }

    /** A user known only by positives: the graded row is the positives at their history weights. */
    public UserPositives(int userId, Profile profile, int[] columns, float[] stars) {
        this(userId, profile, columns, stars, columns, weightsOf(stars));
    }

    /**
     * A user from all of their ratings (columns ascending, distinct): positives are the ratings at or above the
     * threshold, the graded row every rating of non-zero weight.
     */
    public static UserPositives fromRatings(int userId, Profile profile, int[] ratedColumns, float[] ratedStars,
                                            int count) {
        int[] positives = new int[count];
        float[] positiveStars = new float[count];
        int[] weighted = new int[count];
        float[] weights = new float[count];
        int p = 0;
        int w = 0;
        for (int k = 0; k < count; k++) {
            float stars = ratedStars[k];
            if (Encoder.isPositive(stars)) {
                positives[p] = ratedColumns[k];
                positiveStars[p++] = stars;
            }
            float weight = Encoder.historyWeight(stars);
            if (weight != 0f) {
                weighted[w] = ratedColumns[k];
                weights[w++] = weight;
            }
        }
        return new UserPositives(userId, profile, Arrays.copyOf(positives, p), Arrays.copyOf(positiveStars, p),
                Arrays.copyOf(weighted, w), Arrays.copyOf(weights, w));
    }

    private static float[] weightsOf(float[] stars) {
        float[] weights = new float[stars.length];
        for (int i = 0; i < stars.length; i++) {
            weights[i] = Encoder.historyWeight(stars[i]);
        }
        return weights;
    }

    public int size() {
        return columns.length;
    }
}
