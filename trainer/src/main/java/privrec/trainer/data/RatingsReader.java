package privrec.trainer.data;

import java.io.IOException;

/**
 * Parses rating lines ({@code user SEP movie SEP rating SEP timestamp}) straight from bytes into
 * {@link RatingColumns}. The fast path only accepts well-formed lines; anything else goes to {@link #diagnose},
 * which re-reads the line as text to name the exact problem. Keeping the two apart keeps the hot loop small.
 */
final class RatingsReader {
    private final LineReader lines;
    private final byte separator;
    private final boolean halfStars;
    private final String header;
    private final IntIndex movies;
    private int cursor;

    /**
     * @param halfStars true for the CSV layout (0.5–5 in half stars), false for ml-100k (whole stars 1–5)
     * @param header    the header line already consumed, to recognise a repeated one; null when there is none
     * @param movies    movie id → dense index of the movies file, to reject unknown ids
     */
    RatingsReader(LineReader lines, char separator, boolean halfStars, String header, IntIndex movies) {
        this.lines = lines;
        this.separator = (byte) separator;
        this.halfStars = halfStars;
        this.header = header;
        this.movies = movies;
    }

    RatingColumns readAll(long fileBytes, String moviesFile) throws IOException {
        RatingColumns ratings = new RatingColumns(RatingColumns.expectedFromBytes(fileBytes, 18));
        DuplicateRatings duplicates = new DuplicateRatings(lines.fileName, movies.size(), lines.lineNumber() + 1);
        while (lines.next()) {
            byte[] b = lines.buf;
            int end = lines.end;
            cursor = lines.start;
            long user = number(b, end, 10);
            long movie = user > 0 ? number(b, end, 10) : -1;
            int halves = movie > 0 ? halves(b, end) : -1;
            long timestamp = halves > 0 ? lastNumber(b, end) : -1;
            if (timestamp < 0 || user > Integer.MAX_VALUE || movie > Integer.MAX_VALUE
                    || halves > 10 || (!halfStars && (halves & 1) != 0) || (!halfStars && halves < 2)) {
                throw diagnose();
            }
            int movieIndex = movies.get((int) movie);
            if (movieIndex < 0) {
                throw new DataFormatException(lines.fileName, lines.lineNumber(),
                        "unknown movie id " + movie + " (not in " + moviesFile + ")");
            }
            duplicates.add(ratings.size(), (int) user, movieIndex);
            ratings.add((int) user, (int) movie, halves * 0.5f, timestamp);
        }
        if (ratings.size() == 0) {
            throw new DataFormatException(lines.fileName, 0, lines.lineNumber() == 0 ? "file is empty" : "has no ratings");
        }
        duplicates.finish(ratings, movies);
        return ratings;
    }

    /** Digits up to the separator (consumed); -1 if anything else is there. */
    private long number(byte[] b, int end, int maxDigits) {
        int from = cursor;
        long value = 0;
        int i = from;
        while (i < end && b[i] >= '0' && b[i] <= '9' && i - from < maxDigits) {
            value = value * 10 + (b[i] - '0');
            i++;
        }
        if (i == from || i >= end || b[i] != separator) {
            return -1;
        }
        cursor = i + 1;
        return value;
    }

    /** Digits running to the end of the line (a 64-bit timestamp); -1 otherwise. */
    private long lastNumber(byte[] b, int end) {
        int from = cursor;
        if (from >= end || end - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < end; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
            value = value * 10 + (b[i] - '0');
        }
        return value;
    }

    /** A rating as a count of half stars ("3.5" → 7, "4" → 8, "4.0" → 8); -1 unless a whole or half star. */
    private int halves(byte[] b, int end) {
        int i = cursor;
        int whole = 0;
        int from = i;
        while (i < end && b[i] >= '0' && b[i] <= '9' && i - from < 3) {
            whole = whole * 10 + (b[i] - '0');
            i++;
        }
        if (i == from) {
            return -1;
        }
        int half = 0;
        if (i < end && b[i] == '.') {
            i++;
            int fraction = i;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                if (b[i] != (i == fraction && b[i] == '5' ? '5' : '0')) {
                    return -1;
                }
                i++;
            }
            if (i == fraction) {
                return -1;
            }
            half = b[fraction] == '5' ? 1 : 0;
        }
        if (i >= end || b[i] != separator) {
            return -1;
        }
        cursor = i + 1;
        return whole * 2 + half;
    }

    /** Names what is wrong with the current line; always returns an exception to throw. */
    private DataFormatException diagnose() {
        String text = lines.utf8();
        if (header != null && text.equals(header)) {
            return error("duplicate header (were two files concatenated?)");
        }
        String sep = String.valueOf((char) separator);
        String[] fields = text.split(sep.equals("|") ? "\\|" : sep, -1);
        if (fields.length != 4) {
            return error("expected 4 fields (user, movie, rating, timestamp) separated by "
                    + (separator == '\t' ? "tabs" : "'" + sep + "'") + ", found " + fields.length);
        }
        String problem = idProblem("user id", fields[0]);
        if (problem == null) {
            problem = idProblem("movie id", fields[1]);
        }
        if (problem == null) {
            problem = ratingProblem(fields[2]);
        }
        if (problem == null && !fields[3].matches("[0-9]{1,18}")) {
            problem = "timestamp \"" + fields[3] + "\" is not a number";
        }
        return error(problem != null ? problem : "cannot parse \"" + text + "\"");
    }

    private static String idProblem(String what, String field) {
        if (!field.matches("[0-9]+")) {
            return what + " \"" + field + "\" is not a number";
        }
        if (field.length() > 10 || Long.parseLong(field) > Integer.MAX_VALUE) {
            return what + " " + field + " is too large";
        }
        return Long.parseLong(field) == 0 ? what + " 0 must be positive" : null;
    }

    private String ratingProblem(String field) {
        if (!field.matches("[0-9]{1,3}(\\.[0-9]+)?")) {
            return "rating \"" + field + "\" is not a number";
        }
        double value = Double.parseDouble(field);
        if (halfStars) {
            if (value * 2 != Math.rint(value * 2)) {
                return "rating " + field + " is not a whole or half star";
            }
            return value < 0.5 || value > 5 ? "rating " + field + " is outside 0.5..5" : null;
        }
        if (value != Math.rint(value)) {
            return "rating " + field + " is not a whole number of stars (ml-100k has no half stars)";
        }
        return value < 1 || value > 5 ? "rating " + field + " is outside 1..5" : null;
    }

    private DataFormatException error(String problem) {
        return new DataFormatException(lines.fileName, lines.lineNumber(), problem);
    }
}
