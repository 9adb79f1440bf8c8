package privrec.trainer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import privrec.core.Genres;
import privrec.core.Profile;

class MovieLensCsvTest {
    private static final String MOVIES = "movieId,title,genres\n"
            + "1,Toy Story (1995),Adventure|Animation|Children|Comedy|Fantasy\n"
            + "11,\"American President, The (1995)\",Comedy|Drama|Romance\n"
            + "7,\"\"\"Great Performances\"\" Cats (1998)\",Musical|IMAX\n"
            + "3,Nothing Listed,(no genres listed)\n"
            + "4,Noir Thing (1947),Film Noir|Crime\n";
    private static final String RATINGS = "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,11,0.5,964981247\n"
            + "2,7,5,964982224\n2,3,3.5,964983815\n";

    @TempDir
    Path dir;

    private void writeValid() {
        Fixture.write(dir, "movies.csv", MOVIES);
        Fixture.write(dir, "ratings.csv", RATINGS);
    }

    private static int mask(String... names) {
        int mask = 0;
        for (String name : names) {
            mask |= 1 << Genres.indexOf(name);
        }
        return mask;
    }

    @Test
    void readsQuotedTitlesHalfStarsAndGenreVariants() throws Exception {
        writeValid();
        Dataset data = Datasets.load(dir, DataFormat.ML_CSV);
        assertEquals(List.of(
                new Movie(1, "Toy Story (1995)", 1995, mask("Adventure", "Animation", "Children's", "Comedy", "Fantasy")),
                new Movie(3, "Nothing Listed", 0, 0),
                new Movie(4, "Noir Thing (1947)", 1947, mask("Film-Noir", "Crime")),
                new Movie(7, "\"Great Performances\" Cats (1998)", 1998, mask("Musical")),
                new Movie(11, "American President, The (1995)", 1995, mask("Comedy", "Drama", "Romance"))), data.movies());
        assertArrayEquals(new int[] {1, 1, 2, 2}, data.userIds());
        assertArrayEquals(new int[] {1, 11, 7, 3}, data.movieIds());
        assertArrayEquals(new float[] {4f, 0.5f, 5f, 3.5f}, data.stars());
        assertArrayEquals(new long[] {964982703L, 964981247L, 964982224L, 964983815L}, data.timestamps());
        assertTrue(data.profiles().isEmpty(), "users.csv is optional");
    }

    @Test
    void readsUsersCsvWithGaps() throws Exception {
        writeValid();
        Fixture.write(dir, "users.csv", "userId,age,gender,occupation\n1,31,F,writer\n2,,,\n");
        Dataset data = Datasets.load(dir, DataFormat.ML_CSV);
        assertEquals(new Profile(31, "F", "writer"), data.profileOf(1));
        assertEquals(Profile.EMPTY, data.profileOf(2));
    }

    @Test
    void toleratesWindowsLineEndingsByteOrderMarkAndTrailingBlankLines() throws Exception {
        Fixture.write(dir, "movies.csv", "\uFEFF" + MOVIES.replace("\n", "\r\n"));
        Fixture.write(dir, "ratings.csv", "\uFEFF" + RATINGS.replace("\n", "\r\n") + "\r\n\r\n");
        assertEquals(4, Datasets.load(dir, DataFormat.ML_CSV).ratingCount());
    }

    @Test
    void quotedTitleMaySpanLines() throws Exception {
        writeValid();
        Fixture.write(dir, "movies.csv", MOVIES + "\"20\",\"Two\nLines (1990)\",Drama\n21,After (1991),Drama\n");
        Fixture.write(dir, "ratings.csv", RATINGS + "3,21,2.0,1\n");
        Dataset data = Datasets.load(dir, DataFormat.ML_CSV);
        assertEquals(new Movie(20, "Two\nLines (1990)", 1990, mask("Drama")), data.movies().get(5));
    }

    @Test
    void ratingOutOfRangeNamesFileAndLine() {
        writeValid();
        Fixture.write(dir, "ratings.csv", RATINGS + "3,1,5.5,1\n");
        Fixture.assertError(dir, DataFormat.ML_CSV, "ratings.csv:6: rating 5.5 is outside 0.5..5");
        Fixture.write(dir, "ratings.csv", RATINGS + "3,1,0.0,1\n");
        Fixture.assertError(dir, DataFormat.ML_CSV, "ratings.csv:6: rating 0.0 is outside 0.5..5");
    }

    @Test
    void ratingThatIsNotAHalfStarNamesFileAndLine() {
        writeValid();
        Fixture.write(dir, "ratings.csv", RATINGS + "3,1,3.3,1\n");
        Fixture.assertError(dir, DataFormat.ML_CSV, "ratings.csv:6: rating 3.3 is not a whole or half star");
    }

    @Test
    void nonNumericFieldsNameFileLineAndField() {
        writeValid();
        Fixture.write(dir, "ratings.csv", RATINGS + "3,1,x,1\n");
        Fixture.assertError(dir, DataFormat.ML_CSV, "ratings.csv:6: rating \"x\" is not a number");
        Fixture.write(dir, "ratings.csv", RATINGS + "u3,1,4,1\n");
        Fixture.assertError(dir, DataFormat.ML_CSV, "ratings.csv:6: user id \"u3\" is not a number");
        Fixture.write(dir, "ratings.csv", RATINGS + "3,,4,1\n");
        Fixture.assertError(dir, DataFormat.ML_CSV, "ratings.csv:6: movie id \"\" is not a number");
        Fixture.write(dir, "ratings.csv", RATINGS + "3,1,4,yesterday\n");
        Fixture.assertError(dir, DataFormat.ML_CSV, "ratings.csv:6: timestamp \"yesterday\" is not a number");
        Fixture.write(dir, "movies.csv", MOVIES + "x9,Bad (1990),Drama\n");
        Fixture.assertError(dir, DataFormat.ML_CSV, "movies.csv:7: movie id \"x9\" is not a positive number");
    }

    @Test
    void wrongColumnCountNamesFileAndLine() {
        writeValid();
        Fixture.write(dir, "ratings.csv", RATINGS + "3,1,4,1,extra\n");
        Fixture.assertError(dir, DataFormat.ML_CSV,
                "ratings.csv:6: expected 4 fields (user, movie, rating, timestamp) separated by ',', found 5");
        Fixture.write(dir, "movies.csv", MOVIES + "9,Comma, Unquoted (1990),Drama\n");
        Fixture.assertError(dir, DataFormat.ML_CSV, "movies.csv:7: expected 3 fields (movieId,title,genres), found 4");
    }

    @Test
    void unknownMovieIdInRatingsNamesFileAndLine() {
        writeValid();
        Fixture.write(dir, "ratings.csv", RATINGS + "3,99,4,1\n");
        Fixture.assertError(dir, DataFormat.ML_CSV, "ratings.csv:6: unknown movie id 99 (not in movies.csv)");
    }

    @Test
    void headerProblemsAreNamed() {
        writeValid();
        Fixture.write(dir, "ratings.csv", RATINGS.substring(RATINGS.indexOf('\n') + 1));
        Fixture.assertError(dir, DataFormat.ML_CSV,
                "ratings.csv:1: header missing: the first line must be \"userId,movieId,rating,timestamp\"");
        Fixture.write(dir, "ratings.csv", "user,movie,rating,time\n1,1,4,1\n");
        Fixture.assertError(dir, DataFormat.ML_CSV,
                "ratings.csv:1: header is \"user,movie,rating,time\", expected \"userId,movieId,rating,timestamp\"");
        Fixture.write(dir, "ratings.csv", RATINGS + RATINGS);
        Fixture.assertError(dir, DataFormat.ML_CSV, "ratings.csv:6: duplicate header (were two files concatenated?)");
    }

    @Test
    void emptyFilesAreNamed() {
        writeValid();
        Fixture.write(dir, "ratings.csv", "");
        Fixture.assertError(dir, DataFormat.ML_CSV, "ratings.csv: file is empty");
        Fixture.write(dir, "ratings.csv", "userId,movieId,rating,timestamp\n");
        Fixture.assertError(dir, DataFormat.ML_CSV, "ratings.csv: has no ratings");
        Fixture.write(dir, "movies.csv", "movieId,title,genres\n");
        Fixture.assertError(dir, DataFormat.ML_CSV, "movies.csv: has no movies");
    }

    @Test
    void invalidUtf8IsReportedWithLineAndByte() {
        writeValid();
        byte[] latin1 = (MOVIES + "9,Mis\u00e9rables (1995),Drama\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Fixture.writeBytes(dir, "movies.csv", latin1);
        Fixture.assertError(dir, DataFormat.ML_CSV, "movies.csv:7: is not valid UTF-8: byte 0xE9 at column 6");
        writeValid();
        Fixture.writeBytes(dir, "ratings.csv", (RATINGS + "3,1,4\u00e9,1\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Fixture.assertError(dir, DataFormat.ML_CSV, "ratings.csv:6: is not valid UTF-8: byte 0xE9 at column 6");
    }

    @Test
    void utf16FileGetsAHint() {
        writeValid();
        Fixture.writeBytes(dir, "ratings.csv", RATINGS.getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] body = RATINGS.getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 2);
        System.arraycopy(body, 0, all, 2, body.length);
        Fixture.writeBytes(dir, "ratings.csv", all);
        Fixture.assertError(dir, DataFormat.ML_CSV,
                "ratings.csv:1: is not valid UTF-8: byte 0xFF at column 1 (the file looks like UTF-16; save it as UTF-8)");
    }

    @Test
    void duplicateMovieIdNamesBothLines() {
        writeValid();
        Fixture.write(dir, "movies.csv", MOVIES + "11,Again (1990),Drama\n");
        Fixture.assertError(dir, DataFormat.ML_CSV, "movies.csv:7: duplicate movie id 11 (first on line 3)");
    }

    @Test
    void duplicateRatingIsAnErrorInGroupedAndShuffledFiles() {
        writeValid();
        Fixture.write(dir, "ratings.csv", RATINGS + "2,7,1.0,5\n");
        Fixture.assertError(dir, DataFormat.ML_CSV, "ratings.csv:6: duplicate rating: user 2 already rated this movie on line 4");
        Fixture.write(dir, "ratings.csv", RATINGS + "1,3,1.0,5\n2,1,2.0,6\n1,1,1.0,7\n");
        Fixture.assertError(dir, DataFormat.ML_CSV, "ratings.csv:8: duplicate rating: user 1 already rated this movie on line 2");
    }

    @Test
    void blankLineInTheMiddleIsAnError() {
        writeValid();
        Fixture.write(dir, "ratings.csv", RATINGS + "\n3,1,4,1\n");
        Fixture.assertError(dir, DataFormat.ML_CSV, "ratings.csv:6: blank line in the middle of the file");
    }

    @Test
    void badQuotingIsNamed() {
        writeValid();
        Fixture.write(dir, "movies.csv", MOVIES + "9,\"Never closed (1990),Drama\n");
        Fixture.assertError(dir, DataFormat.ML_CSV, "movies.csv:7: quoted field is never closed");
        Fixture.write(dir, "movies.csv", MOVIES + "9,Half \"quoted\" (1990),Drama\n");
        Fixture.assertError(dir, DataFormat.ML_CSV,
                "movies.csv:7: quote inside unquoted field 2 (quote the field and double the quote)");
    }

    @Test
    void badProfilesAreNamed() {
        writeValid();
        Fixture.write(dir, "users.csv", "userId,age,gender,occupation\n1,200,F,writer\n");
        Fixture.assertError(dir, DataFormat.ML_CSV, "users.csv:2: age 200 is outside 0..120");
        Fixture.write(dir, "users.csv", "userId,age,gender,occupation\n1,20,X,writer\n");
        Fixture.assertError(dir, DataFormat.ML_CSV, "users.csv:2: gender \"X\" must be F, M or empty");
        Fixture.write(dir, "users.csv", "userId,age,gender,occupation\n1,20,F,writer\n1,21,M,writer\n");
        Fixture.assertError(dir, DataFormat.ML_CSV, "users.csv:3: duplicate user id 1");
    }

    @Test
    void missingFileAndDirectoryAreNamed() throws Exception {
        writeValid();
        Files.delete(dir.resolve("movies.csv"));
        Fixture.assertError(dir, DataFormat.ML_CSV, "movies.csv: file not found in " + dir);
        Path file = dir.resolve("ratings.csv");
        Fixture.assertError(file, DataFormat.ML_CSV,
                file + ": is not a directory (expected ratings.csv, movies.csv and optionally users.csv)");
    }

    @Test
    void largeFileStreamsThroughGrowingColumns() throws Exception {
        Fixture.write(dir, "movies.csv", MOVIES);
        StringBuilder ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
        int[] movies = {1, 11, 7, 3, 4};
        for (int user = 1; user <= 40_000; user++) {
            for (int m : movies) {
                ratings.append(user).append(',').append(m).append(",4.5,").append(1_000_000_000L + user).append('\n');
            }
        }
        Fixture.write(dir, "ratings.csv", ratings.toString());
        Dataset data = Datasets.load(dir, DataFormat.ML_CSV);
        assertEquals(200_000, data.ratingCount());
        assertEquals(40_000, data.userIds()[199_999]);
        assertEquals(4.5f, data.stars()[123_456]);
    }
}
