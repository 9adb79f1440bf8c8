package privrec.trainer.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

import privrec.core.Profile;

/**
 * The ml-latest-small / ml-25m / ml-32m layout, plus our optional users.csv (written by {@link MovieLensCsvWriter}
 * so that synthetic profiles survive a round trip). All files are strict UTF-8 with a header line.
 */
final class MovieLensCsv {
    static final String RATINGS = "ratings.csv";
    static final String MOVIES = "movies.csv";
    static final String USERS = "users.csv";
    static final String RATINGS_HEADER = "userId,movieId,rating,timestamp";
    static final String MOVIES_HEADER = "movieId,title,genres";
    static final String USERS_HEADER = "userId,age,gender,occupation";
    static final List<String> FILES = List.of(MOVIES, USERS, RATINGS);

    private MovieLensCsv() {
    }

    static Dataset load(Path dir, LongConsumer bytesRead) throws IOException {
        MovieList movies = readMovies(dir, bytesRead);
        List<Movie> sorted = movies.sortedById();
        Map<Integer, Profile> profiles = Files.exists(dir.resolve(USERS)) ? readUsers(dir, bytesRead) : new TreeMap<>();
        RatingColumns ratings;
        try (LineReader lines = Datasets.open(dir, RATINGS, bytesRead)) {
            String header = Datasets.expectHeader(lines, RATINGS_HEADER);
            ratings = new RatingsReader(lines, ',', true, header, movies.index)
                    .readAll(Files.size(dir.resolve(RATINGS)), MOVIES);
        }
        return new Dataset("MovieLens CSV (" + dir.getFileName() + ")", sorted, profiles,
                ratings.userIds(), ratings.movieIds(), ratings.stars(), ratings.timestamps());
    }

    private static MovieList readMovies(Path dir, LongConsumer bytesRead) throws IOException {
        try (LineReader lines = Datasets.open(dir, MOVIES, bytesRead)) {
            return readMovies(lines);
        }
    }

    /** movies.csv from {@code lines} (header first). */
    static MovieList readMovies(LineReader lines) throws IOException {
        MovieList movies = new MovieList(MOVIES);
        Datasets.expectHeader(lines, MOVIES_HEADER);
        while (lines.next()) {
            long line = lines.lineNumber();
            List<String> fields = record(lines, 3, "movieId,title,genres");
            int id = positiveId(fields.get(0), "movie id", lines);
            String title = fields.get(1);
            if (title.isBlank()) {
                throw new DataFormatException(MOVIES, line, "movie " + id + " has an empty title");
            }
            movies.add(new Movie(id, title, MovieFields.yearFromTitle(title), MovieFields.genreMask(fields.get(2))), line);
        }
        return movies;
    }

    private static Map<Integer, Profile> readUsers(Path dir, LongConsumer bytesRead) throws IOException {
        try (LineReader lines = Datasets.open(dir, USERS, bytesRead)) {
            return readUsers(lines);
        }
    }

    /** users.csv from {@code lines} (header first). */
    static Map<Integer, Profile> readUsers(LineReader lines) throws IOException {
        Map<Integer, Profile> profiles = new TreeMap<>(); // sorted: iteration order must not depend on hashing
        Datasets.expectHeader(lines, USERS_HEADER);
        while (lines.next()) {
            List<String> fields = record(lines, 4, USERS_HEADER);
            try {
                int id = ProfileFields.userId(fields.get(0));
                if (profiles.put(id, ProfileFields.parse(fields.get(1), fields.get(2), fields.get(3))) != null) {
                    throw new ProfileFields.BadField("duplicate user id " + id);
                }
            } catch (ProfileFields.BadField e) {
                throw new DataFormatException(USERS, lines.lineNumber(), e.getMessage());
            }
        }
        return profiles;
    }

    /** One CSV record (which may continue over several lines inside quotes) with exactly {@code count} fields. */
    private static List<String> record(LineReader lines, int count, String columns) throws IOException {
        long first = lines.lineNumber();
        String text = lines.utf8();
        try {
            List<String> fields = Csv.split(text);
            while (fields == null) {
                if (!lines.next()) {
                    throw new DataFormatException(lines.fileName, first, "quoted field is never closed");
                }
                text = text + "\n" + lines.utf8();
                fields = Csv.split(text);
            }
            if (fields.size() != count) {
                throw new DataFormatException(lines.fileName, first,
                        "expected " + count + " fields (" + columns + "), found " + fields.size());
            }
            return fields;
        } catch (Csv.BadQuoting e) {
            throw new DataFormatException(lines.fileName, first, e.getMessage());
        }
    }

    private static int positiveId(String text, String what, LineReader lines) {
        if (!text.matches("[0-9]{1,10}") || Long.parseLong(text) > Integer.MAX_VALUE || Long.parseLong(text) == 0) {
            throw new DataFormatException(lines.fileName, lines.lineNumber(), what + " \"" + text + "\" is not a positive number");
        }
        return Integer.parseInt(text);
    }
}
