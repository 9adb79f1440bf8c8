package privrec.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import privrec.core.Catalog;
import privrec.core.Encoder;
import privrec.core.Profile;
import privrec.trainer.data.Dataset;
import privrec.trainer.data.Movie;

class InteractionsTest {
    private static Dataset dataset() {
        List<Movie> movies = List.of(new Movie(30, "C", 2001, 0), new Movie(10, "A", 1999, 1), new Movie(20, "B", 2000, 2));
        // user 7: likes 20, rates 10 low then high (the later rating wins); user 3: only a low rating.
        int[] users = {7, 7, 3, 7, 7};
        int[] movieIds = {20, 10, 30, 10, 30};
        float[] stars = {4f, 2f, 1f, 5f, 3.5f};
        long[] times = {86_400, 2 * 86_400, 3 * 86_400, 10 * 86_400, 4 * 86_400};
        return new Dataset("test", movies, Map.of(7, new Profile(30, "F", "writer")), users, movieIds, stars, times);
    }

    @Test
    void keepsTheLatestRatingPerMovieAndOnlyPositives() {
        Interactions data = Interactions.of(dataset());
        assertEquals(List.of(10, 20, 30), data.movies().stream().map(Movie::id).toList());
        assertEquals(1, data.users().size(), "user 3 has no positive");
        UserPositives user = data.users().get(0);
        assertEquals(7, user.userId());
        assertArrayEquals(new int[]{0, 1, 2}, user.columns());
        assertArrayEquals(new float[]{5f, 4f, 3.5f}, user.stars());
        assertEquals(new Profile(30, "F", "writer"), user.profile());
        assertEquals("1970-01-11", data.dataThrough());
    }

    @Test
    void theGradedRowHoldsEveryRatingAtItsHistoryWeight() {
        List<Movie> movies = List.of(new Movie(10, "A", 1999, 1), new Movie(20, "B", 2000, 2), new Movie(30, "C", 2001, 0),
                new Movie(40, "D", 2002, 0));
        // user 5: 3 stars (weight 1/3), 4 stars (positive, 1), 2 stars (weight 0), 5 then 2.5 (the later wins: 0);
        // user 6: only a 3-star rating, no positive, so not a training user (as before).
        int[] users = {5, 5, 5, 5, 6, 5};
        int[] movieIds = {10, 20, 30, 40, 10, 40};
        float[] stars = {3f, 4f, 2f, 5f, 3f, 2.5f};
        long[] times = {1, 2, 3, 4, 5, 6};
        Interactions data = Interactions.of(new Dataset("test", movies, Map.of(), users, movieIds, stars, times));
        assertEquals(1, data.users().size());
        UserPositives user = data.users().get(0);
        assertArrayEquals(new int[]{1}, user.columns());
        assertArrayEquals(new float[]{4f}, user.stars());
        assertArrayEquals(new int[]{0, 1}, user.weightedColumns());
        assertArrayEquals(new float[]{Encoder.historyWeight(3f), 1f}, user.weights());
    }

    @Test
    void catalogIsInColumnOrderWithTrainingPopularity() {
        Interactions data = Interactions.of(dataset());
        Catalog catalog = data.catalog(data.users());
        assertEquals(10, catalog.get(0).id());
        assertEquals(1, catalog.get(2).popularity());
        assertEquals(0, data.catalog(List.of()).get(0).popularity());
    }
}
