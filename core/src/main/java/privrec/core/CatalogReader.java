package privrec.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@link CatalogFormat} file a slice at a time: {@link #readSome} parses up to a given number of lines and
 * says whether the file is done, so the browser can parse 87,000 movies in slices and let the page handle input
 * between them. The result is the same as {@link CatalogFormat#parse}, which reads in one slice.
 */
public final class CatalogReader {
    private final String text;
    private final String source;
    private final int expected;
    private final List<Item> items;
    private int position;
    private int lineNo = 1;
    private int previousId;
    private Catalog catalog;

    /** Checks the header line; throws {@link FormatException} for anything but a format-2 catalog. */
    public CatalogReader(String text, String source) {
        this.source = source;
        if (text == null || text.isEmpty()) {
            throw new FormatException(source + ": empty catalog");
        }
        this.text = text;
        int end = lineEnd(0);
        String[] header = text.substring(0, end).split("\t", -1);
        if (header.length != 3 || !header[0].equals(CatalogFormat.MAGIC)) {
            throw new FormatException(source + ":1: not a privrec catalog (expected \"" + CatalogFormat.MAGIC
                    + "\\t" + CatalogFormat.VERSION + "\\t<count>\")");
        }
        if (!header[1].equals(Integer.toString(CatalogFormat.VERSION))) {
            throw new FormatException(source + ":1: catalog format " + header[1] + ", this app reads format "
                    + CatalogFormat.VERSION + " (retrain with the current trainer)");
        }
        expected = parseInt(header[2], "item count", 1);
        if (expected <= 0) {
            throw new FormatException(source + ": catalog has no items");
        }
        items = new ArrayList<>(expected);
        position = end + 1;
    }

    /** Items the header announces. */
    public int expectedItems() {
        return expected;
    }

    /** Items read so far. */
    public int itemsRead() {
        return items.size();
    }

    /**
     * Parses up to {@code maxLines} more lines. Returns true once the whole file is read and checked; then
     * {@link #catalog()} is available.
     */
    public boolean readSome(int maxLines) {
        if (catalog != null) {
            return true;
        }
        for (int read = 0; read < maxLines && position < text.length(); read++) {
            int end = lineEnd(position);
            String line = text.substring(position, end);
            position = end + 1;
            lineNo++;
            if (!line.isEmpty()) {
                // The line number is passed as a number: a "source:line" string per line (concatenation builds a
                // char array in TeaVM) was most of the browser's parsing time at 87,000 lines.
                items.add(parseLine(line, lineNo));
            }
        }
        if (position < text.length()) {
            return false;
        }
        if (items.size() != expected) {
            throw new FormatException(source + ": the header announces " + expected + " movies but the file has "
                    + items.size() + (items.size() < expected ? " (truncated?)" : ""));
        }
        try {
            catalog = new Catalog(items);
        } catch (IllegalArgumentException e) {
            throw new FormatException(source + ": " + e.getMessage());
        }
        return true;
    }

    /** The catalog, once {@link #readSome} returned true. */
    public Catalog catalog() {
        if (catalog == null) {
            throw new IllegalStateException(source + " is not fully read yet");
        }
        return catalog;
    }

    private int lineEnd(int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    private String where(int line) {
        return source + ":" + line;
    }

    private Item parseLine(String line, int lineNumber) {
        // indexOf rather than String.split: TeaVM compiles split's regex on every call (~0.7 s at 87,000 lines).
        String[] fields = new String[5];
        int count = 0;
        int start = 0;
        while (true) {
            int tab = line.indexOf('\t', start);
            String field = tab < 0 ? line.substring(start) : line.substring(start, tab);
            if (count < fields.length) {
                fields[count] = field;
            }
            count++;
            if (tab < 0) {
                break;
            }
            start = tab + 1;
        }
        if (count != 5) {
            throw new FormatException(where(lineNumber) + ": expected 5 tab-separated fields, found " + count);
        }
        int id = previousId + parseInt(fields[0], "id delta", lineNumber);
        String yearField = fields[2];
        boolean literal = yearField.startsWith("=");
        int year = parseInt(literal ? yearField.substring(1) : yearField, "year", lineNumber);
        String title = fields[1].indexOf('\\') < 0 ? fields[1] : CatalogFormat.unescape(fields[1], where(lineNumber));
        int mask;
        try {
            mask = Integer.parseInt(fields[3], 16);
        } catch (NumberFormatException e) {
            throw new FormatException(where(lineNumber) + ": genre mask \"" + fields[3] + "\" is not hexadecimal");
        }
        try {
            int popularity = parseInt(fields[4], "popularity", lineNumber);
            Item item = literal ? new Item(items.size(), id, title, year, mask, popularity)
                    : Item.withYearSuffix(items.size(), id, title, year, mask, popularity);
            previousId = id;
            return item;
        } catch (IllegalArgumentException e) {
            throw new FormatException(where(lineNumber) + ": " + e.getMessage());
        }
    }

    private int parseInt(String value, String field, int lineNumber) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new FormatException(where(lineNumber) + ": " + field + " \"" + value + "\" is not a whole number");
        }
    }
}
