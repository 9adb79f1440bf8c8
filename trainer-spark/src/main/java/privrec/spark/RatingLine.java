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

    /** A ratings.csv data line: {@code userId,movieId,rating,timestamp}. */
    static RatingLine parseCsv(String file, String line) {
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
