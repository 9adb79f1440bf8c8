package privrec.trainer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import privrec.core.Genres;
import privrec.core.Profile;

class SyntheticDataTest {
    private static Dataset data;

    @BeforeAll
    static void generate() {
        data = SyntheticData.generate(42);
    }

    @Test
    void sameSeedGivesIdenticalDataAndOtherSeedsDoNot() {
        Dataset again = SyntheticData.generate(42);
        Fixture.assertSameData(data, again);
        Dataset other = SyntheticData.generate(43);
        assertFalse(Arrays.equals(data.movieIds(), other.movieIds()));
        assertFalse(data.movies().equals(other.movies()));
    }

    @Test
    void hasTheRequestedSizesAndMovieLensShape() {
        assertEquals(100_000, data.ratingCount());
        assertEquals(1_700, data.movies().size());
        assertEquals(1_000, data.profiles().size());
        Dataset big = SyntheticData.generate(5, 10_000, 1_000, 60_000);
        assertEquals(10_000, big.movies().size());
        assertEquals(60_000, big.ratingCount());
    }

    @Test
    void everyUserHasTwentyRatingsAndNoMovieTwice() {
        int[] perUser = new int[1_001];
        Set<Long> pairs = new HashSet<>();
        for (int r = 0; r < data.ratingCount(); r++) {
            perUser[data.userIds()[r]]++;
            assertTrue(pairs.add((long) data.userIds()[r] << 32 | data.movieIds()[r]), "duplicate rating " + r);
            assertTrue(data.timestamps()[r] >= SyntheticData.FIRST_TIMESTAMP && data.timestamps()[r] <= SyntheticData.LAST_TIMESTAMP);
        }
        assertTrue(Arrays.stream(perUser, 1, 1_001).allMatch(n -> n >= 20), "a user has fewer than 20 ratings");
    }

    @Test
    void starsLookLikeMovieLens() {
        int[] histogram = new int[6];
        double sum = 0;
        for (float s : data.stars()) {
            assertEquals(Math.rint(s), s, "whole stars only");
            histogram[(int) s]++;
            sum += s;
        }
        double mean = sum / data.ratingCount();
        assertTrue(mean > 3.4 && mean < 3.65, "mean " + mean);
        for (int star = 1; star <= 5; star++) {
            assertTrue(histogram[star] > 3_000, "too few " + star + "s: " + Arrays.toString(histogram));
        }
        assertTrue(histogram[4] > histogram[3] && histogram[3] > histogram[2] && histogram[2] > histogram[1]);
    }

    @Test
    void popularityHasALongTail() {
        int[] counts = new int[1_701];
        for (int m : data.movieIds()) {
            counts[m]++;
        }
        int[] sorted = Arrays.copyOfRange(counts, 1, counts.length);
        Arrays.sort(sorted);
        long top = 0;
        for (int i = 0; i < 170; i++) {
            top += sorted[sorted.length - 1 - i];
        }
        assertTrue(top >= 0.40 * data.ratingCount(), "top 10% of movies hold " + top);
    }

    @Test
    void catalogLooksReal() {
        int[] genreCount = new int[Genres.NAMES.size()];
        Set<String> titles = new HashSet<>();
        for (Movie movie : data.movies()) {
            assertTrue(movie.year() >= 1930 && movie.year() <= 1998, movie.toString());
            assertTrue(movie.title().endsWith(" (" + movie.year() + ")"), movie.toString());
            assertTrue(titles.add(movie.title()), "duplicate title " + movie.title());
            int genres = Integer.bitCount(movie.genreMask());
            assertTrue(genres >= 1 && genres <= 3, movie.toString());
            for (int g = 0; g < genreCount.length; g++) {
                genreCount[g] += (movie.genreMask() >> g) & 1;
            }
        }
        int drama = genreCount[Genres.indexOf("Drama")];
        int comedy = genreCount[Genres.indexOf("Comedy")];
        int noir = genreCount[Genres.indexOf("Film-Noir")];
        assertTrue(drama > 400 && comedy > 300 && noir < 60 && noir > 0, Arrays.toString(genreCount));
        assertTrue(data.movies().stream().anyMatch(m -> m.title().matches(".* II \\(\\d{4}\\)")), "no sequels");
        long recent = data.movies().stream().filter(m -> m.year() >= 1990).count();
        assertTrue(recent > 1_000, "recent movies: " + recent);
    }

    @Test
    void demographicsPredictTaste() {
        int romance = Genres.indexOf("Romance");
        int horror = Genres.indexOf("Horror");
        double[] romanceShare = new double[2];
        double[] byGender = new double[2];
        double[] horrorShare = new double[2];
        double[] byAge = new double[2];
        for (int r = 0; r < data.ratingCount(); r++) {
            Profile p = data.profileOf(data.userIds()[r]);
            int mask = data.movies().get(data.movieIds()[r] - 1).genreMask();
            int woman = p.gender().equals("F") ? 1 : 0;
            byGender[woman]++;
            romanceShare[woman] += (mask >> romance) & 1;
            if (p.age() < 25 || p.age() >= 45) {
                int young = p.age() < 25 ? 1 : 0;
                byAge[young]++;
                horrorShare[young] += (mask >> horror) & 1;
            }
        }
        assertTrue(romanceShare[1] / byGender[1] > 1.2 * romanceShare[0] / byGender[0], "women watch more romance");
        assertTrue(horrorShare[1] / byAge[1] > 1.2 * horrorShare[0] / byAge[0], "the young watch more horror");
    }

    @Test
    void profilesFollowMovieLensProportions() {
        long women = data.profiles().values().stream().filter(p -> "F".equals(p.gender())).count();
        long students = data.profiles().values().stream().filter(p -> "student".equals(p.occupation())).count();
        assertTrue(women > 220 && women < 360, "women " + women);
        assertTrue(students > 120 && students < 320, "students " + students);
        assertTrue(data.profiles().values().stream().allMatch(p -> p.age() >= 7 && p.age() <= 73));
        assertTrue(data.profiles().values().stream().noneMatch(p -> "retired".equals(p.occupation()) && p.age() < 50));
    }

    @Test
    void collaborativeSignalBeatsPopularity() {
        double[] recall = ItemKnnCheck.recallAt20(data);
        assertTrue(recall[1] > 1.5 * recall[0],
                "item-kNN recall@20 " + recall[1] + " should clearly beat popularity " + recall[0]);
    }

    @Test
    void rejectsImpossibleSizes() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticData.generate(1, 10, 5, 100));
        assertThrows(IllegalArgumentException.class, () -> SyntheticData.generate(1, 100, 10, 150));
        assertThrows(IllegalArgumentException.class, () -> SyntheticData.generate(1, 100, 10, 100_000));
    }

    @Test
    void timestampsAreDeterministicToo() {
        assertArrayEquals(data.timestamps(), SyntheticData.generate(42, 1_700, 1_000, 100_000).timestamps());
    }

    /** 50 ratings per user on 20,000 movies: every user draws by rejection (the path the 87,000-movie set takes). */
    @Test
    void aLargeCatalogDrawnByRejectionKeepsTheShape() {
        int movies = 20_000;
        int userCount = 2_000;
        assertTrue(50L * SyntheticData.EXACT_PASS_RATIO < movies, "this test is meant to exercise rejection");
        Dataset large = SyntheticData.generate(8, movies, userCount, 100_000);
        Fixture.assertSameData(large, SyntheticData.generate(8, movies, userCount, 100_000));
        Set<Long> pairs = new HashSet<>();
        int[] perUser = new int[userCount + 1];
        int[] counts = new int[movies + 1];
        for (int r = 0; r < large.ratingCount(); r++) {
            assertTrue(pairs.add((long) large.userIds()[r] << 32 | large.movieIds()[r]), "duplicate rating " + r);
            perUser[large.userIds()[r]]++;
            counts[large.movieIds()[r]]++;
        }
        assertTrue(Arrays.stream(perUser, 1, userCount + 1).allMatch(n -> n >= 20), "a user has fewer than 20 ratings");
        int[] sorted = Arrays.copyOfRange(counts, 1, counts.length);
        Arrays.sort(sorted);
        long top = 0;
        for (int i = 0; i < movies / 10; i++) {
            top += sorted[sorted.length - 1 - i];
        }
        assertTrue(top >= 0.40 * large.ratingCount(), "top 10% of movies hold " + top);
        int romance = Genres.indexOf("Romance");
        double[] romanceShare = new double[2];
        double[] byGender = new double[2];
        for (int r = 0; r < large.ratingCount(); r++) {
            int woman = "F".equals(large.profileOf(large.userIds()[r]).gender()) ? 1 : 0;
            byGender[woman]++;
            romanceShare[woman] += (large.movies().get(large.movieIds()[r] - 1).genreMask() >> romance) & 1;
        }
        assertTrue(romanceShare[1] / byGender[1] > 1.2 * romanceShare[0] / byGender[0], "women watch more romance");
    }
}
