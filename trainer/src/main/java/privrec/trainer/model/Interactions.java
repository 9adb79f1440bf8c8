package privrec.trainer.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import privrec.core.Catalog;
import privrec.core.Encoder;
import privrec.core.Item;
import privrec.trainer.data.Dataset;
import privrec.trainer.data.Movie;

/**
 * A data set reduced to what training and evaluation use: the movies in catalog column order (ascending id) and,
 * per user with at least one positive, the positive columns (targets, baselines, profile model) and the graded row
 * of every rating at its {@link Encoder#historyWeight} (the collaborative model's training matrix, weighted like
 * the browser's history row, {@link Encoder#encodeHistory}). Ratings weighing 0 (2.5 stars or less) are dropped.
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
        return of(dataset, movies);
    }

    /**
     * The data with the columns in a given order, which may hold movies the data has no ratings for (a model update
     * keeps its base release's columns); every rated movie must be in it.
     */
    public static Interactions of(Dataset dataset, List<Movie> columnOrder) {
        List<Movie> movies = new ArrayList<>(columnOrder);
        Map<Integer, Integer> columnById = LatestRatings.columnById(movies);
        int n = dataset.ratingCount();
        // Columns resolved up front, in file order, so an unknown movie is reported at its first rating.
        int[] column = new int[n];
        long newest = Long.MIN_VALUE;
        for (int r = 0; r < n; r++) {
            newest = Math.max(newest, dataset.timestamps()[r]);
            column[r] = LatestRatings.column(dataset, columnById, r);
        }
        int[] distinct = Arrays.stream(dataset.userIds()).distinct().sorted().toArray();
        List<UserPositives> users = new ArrayList<>();
        LatestRatings.byUser(dataset, distinct, r -> column[r], (u, columns, stars, count) -> {
            // Positives and weights are filters over the latest ratings: a liked movie later rated low is neither.
            UserPositives user = UserPositives.fromRatings(distinct[u], dataset.profileOf(distinct[u]), columns, stars,
                    count);
            if (user.size() > 0) {
                users.add(user);
            }
        });
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
        return catalog(popularity(trainingUsers, itemCount()));
    }

    /** The catalog in column order with the given popularity counts ({@link TrainingUsers#popularity}). */
    public Catalog catalog(int[] counts) {
        List<Item> items = new ArrayList<>(movies.size());
        for (int i = 0; i < movies.size(); i++) {
            Movie movie = movies.get(i);
            items.add(new Item(i, movie.id(), movie.title(), movie.year(), movie.genreMask(), counts[i]));
        }
        return new Catalog(items);
    }
}
