package privrec.spark;

import java.io.Serializable;

import privrec.trainer.data.DataFormatException;

/**
 * One rating as read by the Spark trainer, checked like the single-machine reader checks ratings.csv: positive
 * 32-bit user and movie ids, whole or half stars from 0.5 to 5, a non-negative timestamp. A bad rating is a
 * {@link DataFormatException} that quotes it (a distributed read has no line numbers); the driver reports it as one
 * line and exits 2, like the single-machine trainer.
 */
record RatingLine(int userId, int movieId, int halfStars, long timestamp) implements Serializable {

    /**
     * A ratings.csv data line: {@code userId,movieId,rating,timestamp}. Well-formed lines take a scan without
     * regular expressions or substrings (a billion of them is the point); anything else goes to the checking parser,
     * which names the problem.
     */
    static RatingLine parseCsv(String file, String line) {
        RatingLine fast = scan(line);
        return fast != null ? fast : check(file, line);
    }

    /** The common shape (ids of 1–10 digits, stars "4" or "3.5", a 1–18 digit timestamp), or null. */
    private static RatingLine scan(String line) {
        int[] at = {0};
        long user = digits(line, at, 10, ',');
        long movie = user > 0 ? digits(line, at, 10, ',') : -1;
        if (movie <= 0 || user > Integer.MAX_VALUE || movie > Integer.MAX_VALUE) {
            return null;
        }
        int i = at[0];
        if (i >= line.length() || line.charAt(i) < '0' || line.charAt(i) > '5') {
            return null;
        }
        int halves = (line.charAt(i++) - '0') * 2;
        if (i + 1 < line.length() && line.charAt(i) == '.' && (line.charAt(i + 1) == '5' || line.charAt(i + 1) == '0')) {
            halves += line.charAt(i + 1) == '5' ? 1 : 0;
            i += 2;
        }
        if (i >= line.length() || line.charAt(i) != ',' || halves < 1 || halves > 10) {
            return null;
        }
        at[0] = i + 1;
        long timestamp = digits(line, at, 18, (char) 0);
        return timestamp < 0 ? null : new RatingLine((int) user, (int) movie, halves, timestamp);
    }

    /** Digits from at[0] up to {@code end} (consumed; 0 = the end of the line); -1 if anything else is there. */
    private static long digits(String line, int[] at, int max, char end) {
        int from = at[0];
        int i = from;
        long value = 0;
        while (i < line.length() && i - from < max && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
            value = value * 10 + (line.charAt(i++) - '0');
        }
        if (i == from || (end == 0 ? i != line.length() : i >= line.length() || line.charAt(i) != end)) {
            return -1;
        }
        at[0] = i + 1;
        return value;
    }

    /** Every check, with the problem named. */
    private static RatingLine check(String file, String line) {
        String[] fields = line.split(",", -1);
        if (fields.length != 4) {
            throw bad(file, line, "expected 4 fields (userId,movieId,rating,timestamp), found " + fields.length);
        }
        int user = id(file, line, "user id", fields[0]);
        int movie = id(file, line, "movie id", fields[1]);
        String rating = fields[2];
        if (!rating.matches("[0-9]{1,3}(\\.[0-9]+)?")) {
            throw bad(file, line, "rating \"" + rating + "\" is not a number");
        }
        double stars = Double.parseDouble(rating);
        if (!fields[3].matches("[0-9]{1,18}")) {
            throw bad(file, line, "timestamp \"" + fields[3] + "\" is not a number");
        }
        return of(file, line, user, movie, stars, Long.parseLong(fields[3]));
    }

    /** A Parquet row's values (null when the column is null). */
    static RatingLine of(String file, Object user, Object movie, Object rating, Object timestamp) {
        String row = "[" + user + ", " + movie + ", " + rating + ", " + timestamp + "]";
        if (user == null || movie == null || rating == null || timestamp == null) {
            throw bad(file, row, "a column is null");
        }
        int u = id(file, row, "user id", user.toString());
        int m = id(file, row, "movie id", movie.toString());
        long t = ((Number) timestamp).longValue();
        if (t < 0) {
            throw bad(file, row, "timestamp " + t + " is negative");
        }
        return of(file, row, u, m, ((Number) rating).doubleValue(), t);
    }

    private static RatingLine of(String file, String line, int user, int movie, double stars, long timestamp) {
        if (stars * 2 != Math.rint(stars * 2)) {
            throw bad(file, line, "rating " + stars + " is not a whole or half star");
        }
        if (stars < 0.5 || stars > 5) {
            throw bad(file, line, "rating " + stars + " is outside 0.5..5");
        }
        return new RatingLine(user, movie, (int) Math.rint(stars * 2), timestamp);
    }

    private static int id(String file, String line, String what, String field) {
        if (!field.matches("[0-9]+")) {
            throw bad(file, line, what + " \"" + field + "\" is not a number");
        }
        if (field.length() > 10 || Long.parseLong(field) > Integer.MAX_VALUE) {
            throw bad(file, line, what + " " + field + " is too large");
        }
        int value = Integer.parseInt(field);
        if (value == 0) {
            throw bad(file, line, what + " 0 must be positive");
        }
        return value;
    }

    float stars() {
        return halfStars * 0.5f;
    }

    static DataFormatException bad(String file, String line, String problem) {
        return new DataFormatException(file, 0, "rating \"" + line + "\": " + problem);
    }
}
