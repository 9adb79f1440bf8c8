package privrec.trainer.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import privrec.core.Profile;

/**
 * movies.csv and the optional users.csv of the ml-csv layout, read from streams with the same parser and checks as
 * {@link Datasets#load}. For a trainer that reads ratings.csv itself (the Spark trainer reads it distributed) but
 * wants the small files exactly as the single-machine trainer reads them.
 */
public final class MovieLensCsvSideFiles {
    public static final String RATINGS = MovieLensCsv.RATINGS;
    public static final String MOVIES = MovieLensCsv.MOVIES;
    public static final String USERS = MovieLensCsv.USERS;
    public static final String RATINGS_HEADER = MovieLensCsv.RATINGS_HEADER;

    private MovieLensCsvSideFiles() {
    }

    /** The movies in id order (the {@link Dataset#movies()} contract); errors name movies.csv and the line. */
    public static List<Movie> movies(InputStream in) throws IOException {
        try (LineReader lines = new LineReader(in, MOVIES, null)) {
            return MovieLensCsv.readMovies(lines).sortedById();
        }
    }

    /** User id → profile, sorted by id; errors name users.csv and the line. */
    public static Map<Integer, Profile> users(InputStream in) throws IOException {
        try (LineReader lines = new LineReader(in, USERS, null)) {
            return MovieLensCsv.readUsers(lines);
        }
    }
}
