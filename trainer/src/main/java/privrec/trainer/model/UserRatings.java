package privrec.trainer.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import privrec.core.Encoder;
import privrec.trainer.data.Dataset;
import privrec.trainer.model.Interactions;
import privrec.trainer.model.LatestRatings;
import privrec.trainer.model.UserPositives;

/**
 * All of one user's ratings (low ones too), as catalog columns in ascending order with their stars: what the
 * browser holds for the user. Used by the {@link Split.Mode#ALL_RATINGS all-ratings} split, which folds in low
 * ratings as well, because the product excludes every rated item from its recommendations.
 *
 * @param userId  the data set's user id
 * @param columns rated catalog columns, ascending, no duplicates
 * @param stars   stars for each column
 */
public record UserRatings(int userId, int[] columns, float[] stars) {
    public UserRatings {
        LatestRatings.requireAscending(userId, columns, stars);
    }

    public int size() {
        return columns.length;
    }

    /**
     * Every rating of the users in {@code interactions}, keyed by user id, read from the data set the interactions
     * came from. Catalog columns and the duplicate rule are those of {@link Interactions#of}: a later rating (in file
     * order) of the same movie replaces an earlier one. Checks that the positives found here are exactly each user's
     * {@link UserPositives}, so both splits describe the same data.
     */
    public static Map<Integer, UserRatings> of(Dataset dataset, Interactions interactions) {
        Map<Integer, Integer> columnById = LatestRatings.columnById(interactions.movies());
        List<UserPositives> users = interactions.users();
        int[] ids = users.stream().mapToInt(UserPositives::userId).toArray();
        Map<Integer, UserRatings> result = new HashMap<>(users.size() * 2);
        LatestRatings.byUser(dataset, ids, r -> LatestRatings.column(dataset, columnById, r), (u, columns, stars, count) -> {
            UserPositives positives = users.get(u);
            UserRatings all = new UserRatings(positives.userId(), Arrays.copyOf(columns, count), Arrays.copyOf(stars, count));
            if (!Arrays.equals(all.positiveColumns(), positives.columns())) {
                throw new IllegalStateException("user " + positives.userId() + ": positives differ between all ratings"
                        + " and the interactions");
            }
            result.put(positives.userId(), all);
        });
        return result;
    }

    /** The positively rated columns, ascending. */
    public int[] positiveColumns() {
        return Arrays.stream(indicesWhere(true)).map(i -> columns[i]).toArray();
    }

    private int[] indicesWhere(boolean positive) {
        int[] out = new int[columns.length];
        int k = 0;
        for (int i = 0; i < columns.length; i++) {
            if (Encoder.isPositive(stars[i]) == positive) {
                out[k++] = i;
            }
        }
        return Arrays.copyOf(out, k);
    }
}
