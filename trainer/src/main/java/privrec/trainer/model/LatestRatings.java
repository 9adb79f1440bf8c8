package privrec.trainer.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

import privrec.trainer.data.Dataset;
import privrec.trainer.data.Movie;

/**
 * The one definition of "a user's ratings" shared by training ({@link Interactions#of}) and the all-ratings
 * evaluation ({@code UserRatings}): catalog columns ascending, one rating per movie (the latest in file order wins).
 * Both must agree exactly, or the two splits would describe different data.
 */
public final class LatestRatings {
    /** Receives one user's de-duplicated ratings; the arrays are fresh but sized for all the user's ratings. */
    public interface Sink {
        void accept(int user, int[] columns, float[] stars, int count);
    }

    private LatestRatings() {
    }

    /** Movie id → catalog column for movies in column order; a repeated id would make columns ambiguous. */
    public static Map<Integer, Integer> columnById(List<Movie> movies) {
        Map<Integer, Integer> columnById = new HashMap<>(movies.size() * 2);
        for (int i = 0; i < movies.size(); i++) {
            if (columnById.put(movies.get(i).id(), i) != null) {
                throw new IllegalArgumentException("movie id " + movies.get(i).id() + " appears twice");
            }
        }
        return columnById;
    }

    /** The catalog column of rating {@code r}'s movie. */
    public static int column(Dataset dataset, Map<Integer, Integer> columnById, int r) {
        Integer c = columnById.get(dataset.movieIds()[r]);
        if (c == null) {
            throw new IllegalArgumentException("rating " + r + " names unknown movie " + dataset.movieIds()[r]);
        }
        return c;
    }

    /**
     * Calls {@code sink} once per entry of {@code users} (in that order, with its index) with that user's ratings;
     * ratings of other users are skipped. {@code columnOf} maps a rating index to its column and is asked in user
     * order, then file order.
     */
    public static void byUser(Dataset dataset, int[] users, IntUnaryOperator columnOf, Sink sink) {
        // Bucket rating indices by user (counting sort, file order kept inside a user): primitive arrays only, so
        // tens of millions of ratings (ml-25m) need a few hundred MB rather than a map entry per rating.
        Map<Integer, Integer> slot = new HashMap<>(users.length * 2);
        for (int i = 0; i < users.length; i++) {
            slot.put(users[i], i);
        }
        int[] userIds = dataset.userIds();
        int n = userIds.length;
        int[] slotOf = new int[n];
        int[] start = new int[users.length + 1];
        for (int r = 0; r < n; r++) {
            Integer s = slot.get(userIds[r]);
            slotOf[r] = s == null ? -1 : s;
            if (s != null) {
                start[s + 1]++;
            }
        }
        for (int i = 0; i < users.length; i++) {
            start[i + 1] += start[i];
        }
        int[] order = new int[start[users.length]];
        int[] fill = Arrays.copyOf(start, users.length);
        for (int r = 0; r < n; r++) {
            if (slotOf[r] >= 0) {
                order[fill[slotOf[r]]++] = r;
            }
        }
        float[] allStars = dataset.stars();
        for (int u = 0; u < users.length; u++) {
            int from = start[u];
            int count = start[u + 1] - from;
            // (column, position within the user) keys: sorting groups a movie's repeated ratings with the latest last.
            long[] keys = new long[count];
            for (int k = 0; k < count; k++) {
                keys[k] = ((long) columnOf.applyAsInt(order[from + k]) << 32) | k;
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
                stars[kept++] = allStars[order[from + (int) keys[k]]];
            }
            sink.accept(u, columns, stars, kept);
        }
    }

    /**
     * Checks the shape both per-user records promise: one star per column, columns ascending and distinct (so
     * merges and binary searches over them are valid).
     */
    public static void requireAscending(int userId, int[] columns, float[] stars) {
        if (columns.length != stars.length) {
            throw new IllegalArgumentException("user " + userId + ": " + columns.length + " columns but " + stars.length + " stars");
        }
        for (int i = 1; i < columns.length; i++) {
            if (columns[i] <= columns[i - 1]) {
                throw new IllegalArgumentException("user " + userId + ": columns must be ascending and distinct");
            }
        }
    }
}
