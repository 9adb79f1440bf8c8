package privrec.trainer.data;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import privrec.core.Profile;

/**
 * Ratings, movies and optional user profiles, held column-wise so that tens of millions of ratings fit
 * (ml-25m / ml-32m). Ratings are in file order; every rating's movie id is in {@link #movies()}.
 *
 * @param description human-readable origin ("synthetic, seed 42", "MovieLens-100k")
 * @param movies      all movies, in id order
 * @param profiles    user id → profile; users without a known profile are absent
 * @param userIds     per rating: user id
 * @param movieIds    per rating: movie id
 * @param stars       per rating: 0.5–5 stars
 * @param timestamps  per rating: seconds since the epoch
 */
public record Dataset(String description, List<Movie> movies, Map<Integer, Profile> profiles,
                      int[] userIds, int[] movieIds, float[] stars, long[] timestamps) {
    public Dataset {
        movies = Collections.unmodifiableList(movies);
        profiles = Collections.unmodifiableMap(profiles);
        int n = userIds.length;
        if (movieIds.length != n || stars.length != n || timestamps.length != n) {
            throw new IllegalArgumentException("rating columns differ in length");
        }
    }

    public int ratingCount() {
        return userIds.length;
    }

    public Profile profileOf(int userId) {
        Profile profile = profiles.get(userId);
        return profile == null ? Profile.EMPTY : profile;
    }
}
