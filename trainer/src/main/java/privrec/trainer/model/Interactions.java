package privrec.trainer.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        // Per user: column -> stars. A repeated rating of the same movie keeps the later one (file order).
        Map<Integer, TreeMap<Integer, Float>> byUser = new TreeMap<>();
        long newest = Long.MIN_VALUE;
        for (int r = 0; r < dataset.ratingCount(); r++) {
            newest = Math.max(newest, dataset.timestamps()[r]);
            Integer column = columnById.get(dataset.movieIds()[r]);
            if (column == null) {
                throw new IllegalArgumentException("rating " + r + " names unknown movie " + dataset.movieIds()[r]);
            }
            TreeMap<Integer, Float> ratings = byUser.computeIfAbsent(dataset.userIds()[r], u -> new TreeMap<>());
            ratings.put(column, dataset.stars()[r]);
        }
        List<UserPositives> users = new ArrayList<>(byUser.size());
        for (Map.Entry<Integer, TreeMap<Integer, Float>> entry : byUser.entrySet()) {
            int[] columns = new int[entry.getValue().size()];
            float[] stars = new float[columns.length];
            int n = 0;
            for (Map.Entry<Integer, Float> rating : entry.getValue().entrySet()) {
                if (Encoder.isPositive(rating.getValue())) {
                    columns[n] = rating.getKey();
                    stars[n++] = rating.getValue();
                }
            }
            if (n > 0) {
                users.add(new UserPositives(entry.getKey(), dataset.profileOf(entry.getKey()),
                        Arrays.copyOf(columns, n), Arrays.copyOf(stars, n)));
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
