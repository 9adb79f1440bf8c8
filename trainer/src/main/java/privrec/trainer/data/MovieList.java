package privrec.trainer.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Movies as they are read, with their dense index and line, so that duplicates are reported with both lines. */
final class MovieList {
    final IntIndex index = new IntIndex();
    private final List<Movie> movies = new ArrayList<>();
    private final List<Long> lines = new ArrayList<>();
    private final String fileName;

    MovieList(String fileName) {
        this.fileName = fileName;
    }

    void add(Movie movie, long line) {
        int known = index.size();
        int dense = index.getOrAdd(movie.id());
        if (dense < known) {
            throw new DataFormatException(fileName, line,
                    "duplicate movie id " + movie.id() + " (first on line " + lines.get(dense) + ")");
        }
        movies.add(movie);
        lines.add(line);
    }

    /** All movies in id order (the Dataset contract); the dense index is unaffected. */
    List<Movie> sortedById() {
        if (movies.isEmpty()) {
            throw new DataFormatException(fileName, 0, "has no movies");
        }
        List<Movie> sorted = new ArrayList<>(movies);
        sorted.sort(Comparator.comparingInt(Movie::id));
        return sorted;
    }
}
