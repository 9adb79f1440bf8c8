package privrec.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncoderTest {
    @Test
    void profileFeaturesAreSortedBecauseTribuoOrdersColumnsByName() {
        List<String> sorted = new ArrayList<>(Encoder.PROFILE_FEATURES);
        Collections.sort(sorted);
        assertEquals(sorted, Encoder.PROFILE_FEATURES);
        assertEquals(30, Encoder.profileWidth());
    }

    @Test
    void historyWeightIsLinearAboveTheMidpointWithFourStarsWeighingOne() {
        float[] stars = {0.5f, 1f, 1.5f, 2f, 2.5f, 3f, 3.5f, 4f, 4.5f, 5f};
        float[] weights = {0f, 0f, 0f, 0f, 0f, 1f / 3, 2f / 3, 1f, 4f / 3, 5f / 3};
        for (int i = 0; i < stars.length; i++) {
            assertEquals(weights[i], Encoder.historyWeight(stars[i]), 1e-6f, stars[i] + " stars");
        }
        assertEquals(1f, Encoder.historyWeight(4f), "exactly 1, like a version-1 positive");
        assertEquals(2, Encoder.VERSION);
    }

    @Test
    void historyCarriesTheWeightOfEveryRatedKnownItem() {
        Catalog catalog = Fixtures.catalog(6);
        List<Rating> ratings = List.of(new Rating(101, 5f), new Rating(102, 3f), new Rating(103, 3.5f),
                new Rating(104, 2.5f), new Rating(105, 4f), new Rating(999, 5f));
        assertArrayEquals(new float[] {5f / 3, 1f / 3, 2f / 3, 0f, 1f, 0f}, Encoder.encodeHistory(ratings, catalog),
                1e-6f);
    }

    @Test
    void theLatestRatingOfAMovieDecidesItsWeight() {
        Catalog catalog = Fixtures.catalog(2);
        List<Rating> ratings = List.of(new Rating(101, 5f), new Rating(102, 4f), new Rating(101, 2f),
                new Rating(102, 4.5f));
        assertArrayEquals(new float[] {0f, 4f / 3}, Encoder.encodeHistory(ratings, catalog), 1e-6f);
    }

    @Test
    void profileIsOneHotPerField() {
        float[] row = Encoder.encodeProfile(new Profile(30, "F", "writer"));
        assertEquals(3f, sum(row));
        assertEquals(1f, row[Encoder.PROFILE_FEATURES.indexOf("age_3_25to34")]);
        assertEquals(1f, row[Encoder.PROFILE_FEATURES.indexOf("gender_f")]);
        assertEquals(1f, row[Encoder.PROFILE_FEATURES.indexOf("occupation_writer")]);
        assertEquals(0f, sum(Encoder.encodeProfile(Profile.EMPTY)));
    }

    @Test
    void ageBucketsFollowMovieLensBoundaries() {
        assertEquals(-1, Encoder.ageBucket(0));
        assertEquals(0, Encoder.ageBucket(17));
        assertEquals(1, Encoder.ageBucket(18));
        assertEquals(1, Encoder.ageBucket(24));
        assertEquals(2, Encoder.ageBucket(25));
        assertEquals(5, Encoder.ageBucket(55));
        assertEquals(6, Encoder.ageBucket(56));
        assertEquals(6, Encoder.ageBucket(99));
    }

    @Test
    void invalidProfilesAndRatingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Profile(-1, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Profile(20, "X", null));
        assertThrows(IllegalArgumentException.class, () -> new Profile(20, null, "astronaut"));
        assertThrows(IllegalArgumentException.class, () -> new Rating(1, 5.5f));
        assertThrows(IllegalArgumentException.class, () -> new Rating(1, Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Rating(0, 3f));
    }

    private static float sum(float[] row) {
        float s = 0;
        for (float v : row) {
            s += v;
        }
        return s;
    }
}
