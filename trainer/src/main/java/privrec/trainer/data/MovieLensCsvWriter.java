package privrec.trainer.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import privrec.core.Profile;

/**
 * Writes a {@link Dataset} in the ml-csv layout (ratings.csv, movies.csv, users.csv) so that
 * {@code Datasets.load(dir, ML_CSV)} returns the same movies, profiles and ratings.
 *
 * <p>All or nothing: files are written into a hidden temporary sibling directory which is then renamed into place,
 * so a crash or a full disk never leaves a half-written data set where a loader would find it.
 */
public final class MovieLensCsvWriter {
    /** The only files an existing output directory may hold if we are to replace it (never someone's home dir). */
    private static final Set<String> OUR_FILES = Set.of(MovieLensCsv.RATINGS, MovieLensCsv.MOVIES, MovieLensCsv.USERS);

    private MovieLensCsvWriter() {
    }

    public static void write(Dataset data, Path outDir) throws IOException {
        write(data, outDir, false);
    }

    /**
     * @param overwrite replace an existing non-empty {@code outDir}; even then only a directory holding nothing but
     *                  files this writer produces is replaced, anything else is refused
     * @throws FileAlreadyExistsException if {@code outDir} is not empty and may not (or cannot safely) be replaced
     */
    public static void write(Dataset data, Path outDir, boolean overwrite) throws IOException {
        Path target = outDir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new IOException("cannot write a data set to the file system root");
        }
        checkTarget(target, overwrite);
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            writeMovies(data, temp.resolve(MovieLensCsv.MOVIES));
            writeUsers(data.profiles(), temp.resolve(MovieLensCsv.USERS));
            writeRatings(data, temp.resolve(MovieLensCsv.RATINGS));
            replace(temp, target);
        } finally {
            deleteTree(temp); // gone already after a successful move
        }
    }

    private static void checkTarget(Path target, boolean overwrite) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "exists and is not a directory");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
            for (Path entry : entries) {
                if (!overwrite) {
                    throw new FileAlreadyExistsException(target.toString(), null,
                            "directory is not empty; allow overwriting to replace it");
                }
                if (!OUR_FILES.contains(entry.getFileName().toString()) || !Files.isRegularFile(entry)) {
                    throw new FileAlreadyExistsException(target.toString(), null, "holds " + entry.getFileName()
                            + ", which this writer did not produce; refusing to replace the directory");
                }
            }
        }
    }

    /** Renames temp to target; an old target is moved aside first and restored if the rename fails. */
    private static void replace(Path temp, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void writeMovies(Dataset data, Path file) throws IOException {
        try (Writer out = open(file)) {
            out.write(MovieLensCsv.MOVIES_HEADER + "\n");
            for (Movie movie : data.movies()) {
                out.write(movie.id() + "," + Csv.quote(csvTitle(movie)) + "," + MovieFields.genreList(movie.genreMask()) + "\n");
            }
        }
    }

    /**
     * The CSV layout has no year column: the loader reads the year from the title, so they must agree. A title that
     * does not end in its year (MovieLens-100k has "... (1995) (V)") gets " (year)" appended; a movie without a
     * year whose title seems to end in one cannot be written.
     */
    static String csvTitle(Movie movie) {
        if (MovieFields.yearFromTitle(movie.title()) == movie.year()) {
            return movie.title();
        }
        String title = movie.title() + " (" + movie.year() + ")";
        if (movie.year() == 0 || MovieFields.yearFromTitle(title) != movie.year()) {
            throw new IllegalArgumentException("movie " + movie.id() + " has year " + movie.year()
                    + " but its title \"" + movie.title() + "\" says " + MovieFields.yearFromTitle(movie.title()));
        }
        return title;
    }

    private static void writeUsers(Map<Integer, Profile> profiles, Path file) throws IOException {
        try (Writer out = open(file)) {
            out.write(MovieLensCsv.USERS_HEADER + "\n");
            for (Map.Entry<Integer, Profile> entry : new TreeMap<>(profiles).entrySet()) {
                Profile p = entry.getValue();
                out.write(entry.getKey() + "," + (p.age() == 0 ? "" : String.valueOf(p.age())) + ","
                        + (p.gender() == null ? "" : p.gender()) + "," + (p.occupation() == null ? "" : p.occupation()) + "\n");
            }
        }
    }

    private static void writeRatings(Dataset data, Path file) throws IOException {
        int[] users = data.userIds();
        int[] movies = data.movieIds();
        float[] stars = data.stars();
        long[] times = data.timestamps();
        StringBuilder line = new StringBuilder(48);
        try (Writer out = open(file)) {
            out.write(MovieLensCsv.RATINGS_HEADER + "\n");
            for (int r = 0; r < users.length; r++) {
                int halves = Math.round(stars[r] * 2);
                if (halves < 1 || halves > 10 || halves != stars[r] * 2) {
                    throw new IllegalArgumentException("rating " + r + " has " + stars[r] + " stars, not a half star in 0.5..5");
                }
                line.setLength(0);
                // MovieLens spelling: "4.0", "3.5".
                line.append(users[r]).append(',').append(movies[r]).append(',').append(halves / 2)
                        .append(halves % 2 == 0 ? ".0" : ".5").append(',').append(times[r]).append('\n');
                out.append(line);
            }
        }
    }

    private static Writer open(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
