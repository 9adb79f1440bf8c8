package privrec.trainer.eval;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import privrec.core.Encoder;
import privrec.trainer.data.Dataset;
import privrec.trainer.model.Interactions;
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
        if (columns.length != stars.length) {
            throw new IllegalArgumentException("user " + userId + ": " + columns.length + " columns but " + stars.length + " stars");
        }
        for (int i = 1; i < columns.length; i++) {
            if (columns[i] <= columns[i - 1]) {
                throw new IllegalArgumentException("user " + userId + ": columns must be ascending and distinct");
            }
        }
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
        Map<Integer, Integer> columnById = new HashMap<>(interactions.itemCount() * 2);
        for (int i = 0; i < interactions.itemCount(); i++) {
            columnById.put(interactions.movies().get(i).id(), i);
        }
        Map<Integer, Integer> slot = new HashMap<>(interactions.users().size() * 2);
        List<UserPositives> users = interactions.users();
        for (int i = 0; i < users.size(); i++) {
            slot.put(users.get(i).userId(), i);
        }
        // Bucket rating indices by user slot (counting sort; file order kept inside a user).
        int n = dataset.ratingCount();
        int[] slotOf = new int[n];
        int[] start = new int[users.size() + 1];
        for (int r = 0; r < n; r++) {
            Integer s = slot.get(dataset.userIds()[r]);
            slotOf[r] = s == null ? -1 : s;
            if (s != null) {
                start[s + 1]++;
            }
        }
        for (int i = 0; i < users.size(); i++) {
            start[i + 1] += start[i];
        }
        int[] order = new int[start[users.size()]];
        int[] fill = Arrays.copyOf(start, users.size());
        for (int r = 0; r < n; r++) {
            if (slotOf[r] >= 0) {
                order[fill[slotOf[r]]++] = r;
            }
        }
        Map<Integer, UserRatings> result = new HashMap<>(users.size() * 2);
        for (int u = 0; u < users.size(); u++) {
            int from = start[u];
            int count = start[u + 1] - from;
            long[] keys = new long[count];
            for (int k = 0; k < count; k++) {
                Integer c = columnById.get(dataset.movieIds()[order[from + k]]);
                if (c == null) {
                    throw new IllegalArgumentException("rating " + order[from + k] + " names unknown movie "
                            + dataset.movieIds()[order[from + k]]);
                }
                keys[k] = ((long) c << 32) | k;
            }
            Arrays.sort(keys);
            int[] columns = new int[count];
            float[] stars = new float[count];
            int kept = 0;
            for (int k = 0; k < count; k++) {
                int c = (int) (keys[k] >>> 32);
                if (k + 1 < count && (int) (keys[k + 1] >>> 32) == c) {
                    continue; // a later rating of the same movie replaces this one
                }
                columns[kept] = c;
                stars[kept++] = dataset.stars()[order[from + (int) keys[k]]];
            }
            UserPositives positives = users.get(u);
            UserRatings all = new UserRatings(positives.userId(), Arrays.copyOf(columns, kept), Arrays.copyOf(stars, kept));
            if (!Arrays.equals(all.positiveColumns(), positives.columns())) {
                throw new IllegalStateException("user " + positives.userId() + ": positives differ between all ratings"
                        + " and the interactions");
            }
            result.put(positives.userId(), all);
        }
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
