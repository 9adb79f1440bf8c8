package privrec.trainer.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Loads MovieLens data sets from disk. Every problem with the data is a {@link DataFormatException} naming the file,
 * the line and what is wrong; I/O failures other than a missing file stay {@link IOException}s.
 */
public final class Datasets {
    private Datasets() {
    }

    public static Dataset load(Path dir, DataFormat format) throws IOException {
        return load(dir, format, null);
    }

    /**
     * @param dir       the directory holding the files of {@code format}
     * @param format    {@link DataFormat#ML_100K} or {@link DataFormat#ML_CSV}; synthetic data is generated, not loaded
     * @param bytesRead receives the number of bytes read since its previous call (about every 64 KB), so a progress
     *                  bar can step by it up to {@link #totalBytes}; may be null
     */
    public static Dataset load(Path dir, DataFormat format, LongConsumer bytesRead) throws IOException {
        requireDirectory(dir, format);
        switch (format) {
            case ML_100K:
                return MovieLens100k.load(dir, bytesRead);
            case ML_CSV:
                return MovieLensCsv.load(dir, bytesRead);
            default:
                throw new IllegalArgumentException("synthetic data is generated, not loaded: use SyntheticData.generate(seed)");
        }
    }

    /** Total size of the files {@link #load} reads from {@code dir} (for a progress bar's maximum); 0 for missing ones. */
    public static long totalBytes(Path dir, DataFormat format) throws IOException {
        List<String> files = format == DataFormat.ML_100K ? MovieLens100k.FILES
                : format == DataFormat.ML_CSV ? MovieLensCsv.FILES : List.of();
        long total = 0;
        for (String name : files) {
            Path file = dir.resolve(name);
            total += Files.isRegularFile(file) ? Files.size(file) : 0;
        }
        return total;
    }

    private static void requireDirectory(Path dir, DataFormat format) {
        String expected = format == DataFormat.ML_100K ? " (expected u.data, u.item, u.user)"
                : format == DataFormat.ML_CSV ? " (expected ratings.csv, movies.csv and optionally users.csv)" : "";
        if (!Files.exists(dir)) {
            throw new DataFormatException(dir.toString(), 0, "no such directory" + expected);
        }
        if (!Files.isDirectory(dir)) {
            throw new DataFormatException(dir.toString(), 0, "is not a directory" + expected);
        }
    }

    /** Opens a file of the data set; a missing one is a data error, not an I/O error. */
    static LineReader open(Path dir, String name, LongConsumer bytesRead) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(name, 0, "file not found in " + dir);
        }
        return new LineReader(Files.newInputStream(file), name, bytesRead);
    }

    /** Reads and checks a CSV header line; returns it. */
    static String expectHeader(LineReader lines, String expected) throws IOException {
        if (!lines.next()) {
            throw new DataFormatException(lines.fileName, 0, "file is empty");
        }
        String text = lines.utf8();
        if (!text.equals(expected)) {
            boolean looksLikeData = !text.isEmpty() && Character.isDigit(text.charAt(0));
            throw new DataFormatException(lines.fileName, lines.lineNumber(), looksLikeData
                    ? "header missing: the first line must be \"" + expected + "\""
                    : "header is \"" + text + "\", expected \"" + expected + "\"");
        }
        return text;
    }
}
