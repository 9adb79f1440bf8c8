package privrec.trainer.data;

/**
 * Bad input data, located precisely enough to fix by hand: {@code ratings.csv:1234: rating "x" is not a number}.
 * The CLI prints {@link #getMessage()} as its one-line error and exits 2.
 */
public final class DataFormatException extends RuntimeException {
    private final String fileName;
    private final long line;
    private final String problem;

    /**
     * @param fileName file name only (not the full path), or a directory path when the whole directory is the problem
     * @param line     1-based line number, or 0 when the problem concerns the whole file
     * @param problem  what is wrong, phrased to follow "file:line: "
     */
    public DataFormatException(String fileName, long line, String problem) {
        this(fileName, line, problem, null);
    }

    public DataFormatException(String fileName, long line, String problem, Throwable cause) {
        super(line > 0 ? fileName + ":" + line + ": " + problem : fileName + ": " + problem, cause);
        if (line < 0) {
            throw new IllegalArgumentException("line " + line + " is negative");
        }
        this.fileName = fileName;
        this.line = line;
        this.problem = problem;
    }

    public String fileName() {
        return fileName;
    }

    /** 1-based line, or 0 for the whole file. */
    public long line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
