package privrec.trainer.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import privrec.core.Catalog;
import privrec.core.Encoder;
import privrec.core.Item;
import privrec.trainer.data.Dataset;
import privrec.trainer.data.Movie;

/**
 * A data set reduced to what training and evaluation use: the movies in catalog column order (ascending id) and,
 * per user with at least one positive, the positive columns. Low ratings are dropped here, because the model's
 * input ({@link Encoder#encodeHistory}) carries positives only.
 *
 * @param movies      catalog movies, column i = movies.get(i)
 * @param users       users with at least one positive, ascending user id
 * @param description where the data came from
 * @param dataThrough UTC date (yyyy-mm-dd) of the newest rating, or "unknown" for an empty data set
 */
public record Interactions(List<Movie> movies, List<UserPositives> users, String description, String dataThrough) {

    public int itemCount() {
        return movies.size();
    }

    public static Interactions of(Dataset dataset) {
        List<Movie> movies = new ArrayList<>(dataset.movies());
        movies.sort((a, b) -> Integer.compare(a.id(), b.id()));
        Map<Integer, Integer> columnById = new HashMap<>(movies.size() * 2);
        for (int i = 0; i < movies.size(); i++) {
            if (columnById.put(movies.get(i).id(), i) != null) {
                throw new IllegalArgumentException("movie id " + movies.get(i).id() + " appears twice");
            }
        }
        int n = dataset.ratingCount();
        int[] column = new int[n];
        long newest = Long.MIN_VALUE;
        for (int r = 0; r < n; r++) {
            newest = Math.max(newest, dataset.timestamps()[r]);
            Integer c = columnById.get(dataset.movieIds()[r]);
            if (c == null) {
                throw new IllegalArgumentException("rating " + r + " names unknown movie " + dataset.movieIds()[r]);
            }
            column[r] = c;
        }
        // Bucket rating indices by user (counting sort, file order kept inside a user): primitive arrays only, so
        // tens of millions of ratings (ml-25m) need a few hundred MB rather than a map entry per rating.
        int[] userIds = dataset.userIds();
        int[] distinct = Arrays.stream(userIds).distinct().sorted().toArray();
        Map<Integer, Integer> slot = new HashMap<>(distinct.length * 2);
        for (int i = 0; i < distinct.length; i++) {
            slot.put(distinct[i], i);
        }
        int[] start = new int[distinct.length + 1];
        int[] slotOf = new int[n];
        for (int r = 0; r < n; r++) {
            slotOf[r] = slot.get(userIds[r]);
            start[slotOf[r] + 1]++;
        }
        for (int i = 0; i < distinct.length; i++) {
            start[i + 1] += start[i];
        }
        int[] order = new int[n];
        int[] fill = Arrays.copyOf(start, distinct.length);
        for (int r = 0; r < n; r++) {
            order[fill[slotOf[r]]++] = r;
        }
        List<UserPositives> users = new ArrayList<>();
        for (int u = 0; u < distinct.length; u++) {
            int from = start[u];
            int count = start[u + 1] - from;
            // (column, file position) keys: sorting groups a movie's repeated ratings with the latest one last.
            long[] keys = new long[count];
            for (int k = 0; k < count; k++) {
                keys[k] = ((long) column[order[from + k]] << 32) | k;
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
                float value = dataset.stars()[order[from + (int) keys[k]]];
                if (Encoder.isPositive(value)) {
                    columns[kept] = c;
                    stars[kept++] = value;
                }
            }
            if (kept > 0) {
                users.add(new UserPositives(distinct[u], dataset.profileOf(distinct[u]),
                        Arrays.copyOf(columns, kept), Arrays.copyOf(stars, kept)));
            }
        }
        String through = newest == Long.MIN_VALUE ? "unknown"
                : Instant.ofEpochSecond(newest).atZone(ZoneOffset.UTC).toLocalDate().toString();
        return new Interactions(List.copyOf(movies), List.copyOf(users), dataset.description(), through);
    }

    /** Positive counts per column among the given users: MostPopular's scores and the catalog's popularity. */
    public static int[] popularity(List<UserPositives> users, int itemCount) {
        int[] counts = new int[itemCount];
        for (UserPositives user : users) {
            for (int column : user.columns()) {
                counts[column]++;
            }
        }
        return counts;
    }

    /** The catalog in column order, with popularity counted over {@code users}. */
    public Catalog catalog(List<UserPositives> trainingUsers) {
        int[] counts = popularity(trainingUsers, itemCount());
        List<Item> items = new ArrayList<>(movies.size());
        for (int i = 0; i < movies.size(); i++) {
            Movie movie = movies.get(i);
            items.add(new Item(i, movie.id(), movie.title(), movie.year(), movie.genreMask(), counts[i]));
        }
        return new Catalog(items);
    }
}
