package privrec.trainer.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;

import privrec.core.Genres;
import privrec.core.Profile;

/**
 * The MovieLens-100k release: u.data (tab-separated user, item, rating, timestamp; whole stars), u.item
 * ('|'-separated, ISO-8859-1: id|title|release date|video date|IMDb URL|19 genre flags), u.user
 * ('|'-separated: id|age|gender|occupation|zip). No headers.
 */
final class MovieLens100k {
    static final String RATINGS = "u.data";
    static final String MOVIES = "u.item";
    static final String USERS = "u.user";
    static final List<String> FILES = List.of(MOVIES, USERS, RATINGS);
    private static final int ITEM_FIELDS = 5 + 19;

    private MovieLens100k() {
    }

    static Dataset load(Path dir, LongConsumer bytesRead) throws IOException {
        MovieList movies = readMovies(dir, bytesRead);
        List<Movie> sorted = movies.sortedById();
        Map<Integer, Profile> profiles = readUsers(dir, bytesRead);
        RatingColumns ratings;
        try (LineReader lines = Datasets.open(dir, RATINGS, bytesRead)) {
            ratings = new RatingsReader(lines, '\t', false, null, movies.index)
                    .readAll(Files.size(dir.resolve(RATINGS)), MOVIES);
        }
        return new Dataset("MovieLens-100k (" + dir.getFileName() + ")", sorted, profiles,
                ratings.userIds(), ratings.movieIds(), ratings.stars(), ratings.timestamps());
    }

    private static MovieList readMovies(Path dir, LongConsumer bytesRead) throws IOException {
        MovieList movies = new MovieList(MOVIES);
        try (LineReader lines = Datasets.open(dir, MOVIES, bytesRead)) {
            while (lines.next()) {
                // GroupLens ships Latin-1; a line that is valid UTF-8 (a re-encoded copy) is read as UTF-8. Latin-1
                // accented letters are followed by ASCII, which is never valid UTF-8, so the guess is safe.
                String text = lines.isValidUtf8() ? lines.utf8() : lines.text(StandardCharsets.ISO_8859_1);
                String[] f = text.split("\\|", -1);
                if (f.length != ITEM_FIELDS) {
                    throw error(lines, "expected " + ITEM_FIELDS + " '|'-separated fields (id|title|release date|"
                            + "video release date|IMDb URL|19 genre flags), found " + f.length);
                }
                if (!f[0].matches("[0-9]{1,9}") || Integer.parseInt(f[0]) == 0) {
                    throw error(lines, "movie id \"" + f[0] + "\" is not a positive number");
                }
                int id = Integer.parseInt(f[0]);
                if (f[1].isBlank()) {
                    throw error(lines, "movie " + id + " has an empty title");
                }
                int mask = 0;
                for (int g = 0; g < 19; g++) {
                    String flag = f[5 + g];
                    if (!flag.equals("0") && !flag.equals("1")) {
                        throw error(lines, "genre flag " + (g + 1) + " (" + Genres.NAMES.get(g) + ") is \"" + flag
                                + "\", expected 0 or 1");
                    }
                    mask |= flag.equals("1") ? 1 << g : 0;
                }
                movies.add(new Movie(id, f[1], year(f[1], f[2]), mask), lines.lineNumber());
            }
        }
        if (movies.index.size() == 0) {
            throw new DataFormatException(MOVIES, 0, "file is empty");
        }
        return movies;
    }

    /** The year in the title, else the one ending the release date ("01-Jan-1995"); 0 when neither has one. */
    private static int year(String title, String releaseDate) {
        int year = MovieFields.yearFromTitle(title);
        if (year == 0 && releaseDate.matches(".*-[0-9]{4}")) {
            year = Integer.parseInt(releaseDate.substring(releaseDate.length() - 4));
        }
        return year;
    }

    private static Map<Integer, Profile> readUsers(Path dir, LongConsumer bytesRead) throws IOException {
        Map<Integer, Profile> profiles = new TreeMap<>();
        try (LineReader lines = Datasets.open(dir, USERS, bytesRead)) {
            while (lines.next()) {
                String[] f = lines.text(StandardCharsets.ISO_8859_1).split("\\|", -1);
                if (f.length != 5) {
                    throw error(lines, "expected 5 '|'-separated fields (id|age|gender|occupation|zip code), found " + f.length);
                }
                try {
                    int id = ProfileFields.userId(f[0]);
                    if (profiles.put(id, ProfileFields.parse(f[1], f[2], f[3])) != null) {
                        throw new ProfileFields.BadField("duplicate user id " + id);
                    }
                } catch (ProfileFields.BadField e) {
                    throw error(lines, e.getMessage());
                }
            }
            if (lines.lineNumber() == 0) {
                throw new DataFormatException(USERS, 0, "file is empty");
            }
        }
        return profiles;
    }

    private static DataFormatException error(LineReader lines, String problem) {
        return new DataFormatException(lines.fileName, lines.lineNumber(), problem);
    }
}
