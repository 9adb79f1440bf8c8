package privrec.trainer.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model-update scenario's data (docs/model-updates.md): a base release is trained on the oldest
 * {@code baseFraction} of the ratings, without the newest {@code newMovieFraction} of the movies (latest release
 * year first, then latest first rating, as titles are added to a real catalog: in MovieLens-100k 34 of its 65
 * films of 1998), and the update then sees every rating and every movie. Ratings are
 * ordered by timestamp, ties by their position in the data.
 *
 * @param base      the oldest ratings of the older movies, with only the older movies in its movie list
 * @param full      every rating and movie
 * @param newMovies ids of the movies held back from the base
 */
public record TimeSplit(Dataset base, Dataset full, Set<Integer> newMovies) {

    public static TimeSplit of(Dataset data, double baseFraction, double newMovieFraction) {
        if (!(baseFraction > 0 && baseFraction <= 1) || !(newMovieFraction >= 0 && newMovieFraction < 1)) {
            throw new IllegalArgumentException("fractions must be in (0, 1] and [0, 1)");
        }
        int n = data.ratingCount();
        Integer[] order = new Integer[n];
        for (int r = 0; r < n; r++) {
            order[r] = r;
        }
        long[] time = data.timestamps();
        Arrays.sort(order, (a, b) -> time[a] != time[b] ? Long.compare(time[a], time[b]) : Integer.compare(a, b));
        Map<Integer, Integer> firstRank = new HashMap<>();
        for (int rank = 0; rank < n; rank++) {
            firstRank.putIfAbsent(data.movieIds()[order[rank]], rank);
        }
        List<Movie> byFirstRating = new ArrayList<>(data.movies());
        byFirstRating.sort((a, b) -> {
            if (a.year() != b.year()) {
                return Integer.compare(b.year(), a.year());
            }
            int ra = firstRank.getOrDefault(a.id(), Integer.MAX_VALUE);
            int rb = firstRank.getOrDefault(b.id(), Integer.MAX_VALUE);
            return ra != rb ? Integer.compare(rb, ra) : Integer.compare(b.id(), a.id());
        });
        int newCount = (int) Math.round(newMovieFraction * data.movies().size());
        Set<Integer> newMovies = new HashSet<>();
        for (int i = 0; i < newCount; i++) {
            newMovies.add(byFirstRating.get(i).id());
        }
        int keep = (int) Math.round(baseFraction * n);
        boolean[] inBase = new boolean[n];
        for (int rank = 0; rank < keep; rank++) {
            int r = order[rank];
            inBase[r] = !newMovies.contains(data.movieIds()[r]);
        }
        int count = 0;
        for (boolean b : inBase) {
            count += b ? 1 : 0;
        }
        int[] users = new int[count];
        int[] movies = new int[count];
        float[] stars = new float[count];
        long[] times = new long[count];
        int at = 0;
        for (int r = 0; r < n; r++) {
            if (inBase[r]) {
                users[at] = data.userIds()[r];
                movies[at] = data.movieIds()[r];
                stars[at] = data.stars()[r];
                times[at] = time[r];
                at++;
            }
        }
        List<Movie> baseMovies = new ArrayList<>();
        for (Movie movie : data.movies()) {
            if (!newMovies.contains(movie.id())) {
                baseMovies.add(movie);
            }
        }
        Dataset base = new Dataset(data.description() + ", oldest " + Math.round(baseFraction * 100)
                + "% of ratings without the newest " + newCount + " movies", baseMovies, data.profiles(), users, movies,
                stars, times);
        return new TimeSplit(base, data, Set.copyOf(newMovies));
    }
}
