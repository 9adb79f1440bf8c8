package privrec.trainer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import privrec.core.Profile;

class MovieLens100kTest {
    private static final String FLAGS_DRAMA = "|0|0|0|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|0";
    private static final String FLAGS_ANIMATION_CHILDREN_COMEDY = "|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0";
    private static final String FLAGS_UNKNOWN = "|1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0";

    @TempDir
    Path dir;

    /** The 100k layout in miniature: Latin-1 u.item, '|' fields, tab-separated u.data in no particular order. */
    private void writeValid() {
        String items = "1|Toy Story (1995)|01-Jan-1995||http://x" + FLAGS_ANIMATION_CHILDREN_COMEDY + "\n"
                + "2|Misérables, Les (1995)|01-Jan-1995||http://x" + FLAGS_DRAMA + "\n"
                + "267|unknown||||" + FLAGS_UNKNOWN.substring(1) + "\n"
                + "5|Untitled Film|12-Mar-1994||http://x" + FLAGS_DRAMA + "\n";
        Fixture.writeBytes(dir, "u.item", items.getBytes(StandardCharsets.ISO_8859_1));
        Fixture.write(dir, "u.user", "1|24|M|technician|85711\n2|53|F|other|94043\n");
        Fixture.write(dir, "u.data", "2\t1\t5\t881250949\n1\t2\t3\t881250950\n1\t1\t4\t881250951\n"
                + "3\t267\t1\t881250952\n2\t5\t2\t881250953\n");
    }

    @Test
    void readsTheFiveLineFixtureIncludingLatin1Titles() throws Exception {
        writeValid();
        Dataset data = Datasets.load(dir, DataFormat.ML_100K);
        assertEquals(List.of(new Movie(1, "Toy Story (1995)", 1995, 0b111000),
                new Movie(2, "Misérables, Les (1995)", 1995, 1 << 8),
                new Movie(5, "Untitled Film", 1994, 1 << 8),
                new Movie(267, "unknown", 0, 1)), data.movies());
        assertArrayEquals(new int[] {2, 1, 1, 3, 2}, data.userIds());
        assertArrayEquals(new int[] {1, 2, 1, 267, 5}, data.movieIds());
        assertArrayEquals(new float[] {5, 3, 4, 1, 2}, data.stars());
        assertArrayEquals(new long[] {881250949, 881250950, 881250951, 881250952, 881250953}, data.timestamps());
        assertEquals(new Profile(53, "F", "other"), data.profileOf(2));
        assertEquals(Profile.EMPTY, data.profileOf(3));
    }

    @Test
    void utf8ReencodedItemFileIsAlsoRead() throws Exception {
        writeValid();
        Fixture.write(dir, "u.item", "2|Misérables, Les (1995)|01-Jan-1995||http://x" + FLAGS_DRAMA + "\n"
                + "1|Toy Story (1995)|||" + FLAGS_DRAMA + "\n5|X|||" + FLAGS_DRAMA
                + "\n267|Y|||" + FLAGS_DRAMA + "\n");
        assertEquals("Misérables, Les (1995)", Datasets.load(dir, DataFormat.ML_100K).movies().get(1).title());
    }

    @Test
    void halfStarNamesFileAndLine() {
        writeValid();
        Fixture.write(dir, "u.data", "1\t1\t4\t1\n1\t2\t3.5\t2\n");
        Fixture.assertError(dir, DataFormat.ML_100K,
                "u.data:2: rating 3.5 is not a whole number of stars (ml-100k has no half stars)");
    }

    @Test
    void ratingOutOfRangeNamesFileAndLine() {
        writeValid();
        Fixture.write(dir, "u.data", "1\t1\t4\t1\n1\t2\t6\t2\n");
        Fixture.assertError(dir, DataFormat.ML_100K, "u.data:2: rating 6 is outside 1..5");
        Fixture.write(dir, "u.data", "1\t1\t0\t1\n");
        Fixture.assertError(dir, DataFormat.ML_100K, "u.data:1: rating 0 is outside 1..5");
    }

    @Test
    void nonNumericRatingNamesFileAndLine() {
        writeValid();
        Fixture.write(dir, "u.data", "1\t1\t4\t1\n1\t2\tx\t2\n");
        Fixture.assertError(dir, DataFormat.ML_100K, "u.data:2: rating \"x\" is not a number");
    }

    @Test
    void wrongColumnCountNamesFileAndLine() {
        writeValid();
        Fixture.write(dir, "u.data", "1\t1\t4\n");
        Fixture.assertError(dir, DataFormat.ML_100K,
                "u.data:1: expected 4 fields (user, movie, rating, timestamp) separated by tabs, found 3");
        writeValid();
        Fixture.write(dir, "u.item", "1|Toy Story (1995)|01-Jan-1995\n");
        Fixture.assertError(dir, DataFormat.ML_100K, "u.item:1: expected 24 '|'-separated fields (id|title|release date|"
                + "video release date|IMDb URL|19 genre flags), found 3");
    }

    @Test
    void unknownMovieIdInRatingsNamesFileAndLine() {
        writeValid();
        Fixture.write(dir, "u.data", "1\t1\t4\t1\n1\t99\t3\t2\n");
        Fixture.assertError(dir, DataFormat.ML_100K, "u.data:2: unknown movie id 99 (not in u.item)");
    }

    @Test
    void unknownOccupationIsNamed() {
        writeValid();
        Fixture.write(dir, "u.user", "1|24|M|astronaut|85711\n");
        DataFormatException e = org.junit.jupiter.api.Assertions.assertThrows(DataFormatException.class,
                () -> Datasets.load(dir, DataFormat.ML_100K));
        assertTrue(e.getMessage().startsWith("u.user:1: unknown occupation \"astronaut\"; known: administrator, artist"),
                e.getMessage());
    }

    @Test
    void duplicateRatingInShuffledFileNamesBothLines() {
        writeValid();
        Fixture.write(dir, "u.data", "1\t1\t4\t1\n2\t1\t3\t2\n1\t2\t3\t3\n1\t1\t2\t4\n");
        Fixture.assertError(dir, DataFormat.ML_100K, "u.data:4: duplicate rating: user 1 already rated this movie on line 1");
    }

    @Test
    void duplicateMovieIdNamesBothLines() {
        writeValid();
        Fixture.write(dir, "u.item", "1|A (1995)|||" + FLAGS_DRAMA + "\n1|B (1996)|||"
                + FLAGS_DRAMA + "\n");
        Fixture.assertError(dir, DataFormat.ML_100K, "u.item:2: duplicate movie id 1 (first on line 1)");
    }

    @Test
    void emptyFileIsNamed() {
        writeValid();
        Fixture.write(dir, "u.data", "");
        Fixture.assertError(dir, DataFormat.ML_100K, "u.data: file is empty");
    }

    @Test
    void missingFileIsNamed() throws Exception {
        writeValid();
        java.nio.file.Files.delete(dir.resolve("u.user"));
        Fixture.assertError(dir, DataFormat.ML_100K, "u.user: file not found in " + dir);
    }

    @Test
    void missingDirectorySaysWhatWasExpected() {
        Path missing = dir.resolve("nope");
        Fixture.assertError(missing, DataFormat.ML_100K,
                missing + ": no such directory (expected u.data, u.item, u.user)");
    }

    @Test
    void progressCallbackAddsUpToTheFileSizes() throws Exception {
        writeValid();
        long[] total = {0};
        Datasets.load(dir, DataFormat.ML_100K, n -> total[0] += n);
        assertEquals(Datasets.totalBytes(dir, DataFormat.ML_100K), total[0]);
    }
}
