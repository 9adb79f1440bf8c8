package privrec.trainer.data;

import java.util.Arrays;

/**
 * Rejects a second rating of the same movie by the same user. MovieLens never has one, so a duplicate means a
 * corrupt or concatenated file; we report it rather than silently keeping the last (which would hide the damage).
 *
 * <p>While streaming, a per-movie "last user" stamp finds every duplicate when each user's ratings are contiguous
 * (true for ml-latest / ml-25m / ml-32m, sorted by user). If the file is not grouped by user (ml-100k's u.data is
 * shuffled), {@link #finish} re-checks with a counting sort by user: O(n) time, one extra int per rating.
 */
final class DuplicateRatings {
    private final String fileName;
    private final long firstDataLine;
    private final IntIndex users = new IntIndex();
    private final int[] lastUser;
    private final int[] lastRow;
    private int previousUserId = -1;
    private int previousUser = -1;
    private boolean groupedByUser = true;

    /** @param firstDataLine file line of row 0 (1 without a header, 2 with one); blank lines are never skipped mid-file */
    DuplicateRatings(String fileName, int movieCount, long firstDataLine) {
        this.fileName = fileName;
        this.firstDataLine = firstDataLine;
        this.lastUser = new int[movieCount];
        this.lastRow = new int[movieCount];
    }

    void add(int row, int userId, int movieIndex) {
        int user;
        if (userId == previousUserId) {
            user = previousUser;
        } else {
            int known = users.size();
            user = users.getOrAdd(userId);
            if (user < known) {
                groupedByUser = false;
            }
            previousUserId = userId;
            previousUser = user;
        }
        if (lastUser[movieIndex] == user + 1) {
            throw duplicate(row, lastRow[movieIndex], userId);
        }
        lastUser[movieIndex] = user + 1;
        lastRow[movieIndex] = row;
    }

    /** Completes the check for files not grouped by user. */
    void finish(RatingColumns ratings, IntIndex movies) {
        if (groupedByUser) {
            return;
        }
        int n = ratings.size();
        int[] start = new int[users.size() + 1];
        for (int i = 0; i < n; i++) {
            start[users.get(ratings.user(i)) + 1]++;
        }
        for (int u = 0; u < users.size(); u++) {
            start[u + 1] += start[u];
        }
        int[] order = new int[n];
        int[] next = Arrays.copyOf(start, start.length);
        for (int i = 0; i < n; i++) {
            order[next[users.get(ratings.user(i))]++] = i; // stable: rows stay in file order within a user
        }
        Arrays.fill(lastUser, 0);
        for (int u = 0; u < users.size(); u++) {
            for (int k = start[u]; k < start[u + 1]; k++) {
                int row = order[k];
                int movie = movies.get(ratings.movie(row));
                if (lastUser[movie] == u + 1) {
                    throw duplicate(row, lastRow[movie], ratings.user(row));
                }
                lastUser[movie] = u + 1;
                lastRow[movie] = row;
            }
        }
    }

    private DataFormatException duplicate(int row, int firstRow, int userId) {
        return new DataFormatException(fileName, firstDataLine + row, "duplicate rating: user " + userId
                + " already rated this movie on line " + (firstDataLine + firstRow));
    }
}
