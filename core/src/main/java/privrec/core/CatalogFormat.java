package privrec.core;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code catalog.tsv}: a header line, then one line per item in model column order:
 * {@code index, id, title, year, genres ('|'-separated names), popularity}, tab-separated, '\n'-terminated.
 * Backslash, tab and newline in titles are escaped as {@code \\ \t \n}. TSV rather than JSON because it parses
 * fast in page JavaScript (HtmlUnit interprets it) and diffs well.
 */
public final class CatalogFormat {
    public static final String HEADER = "index\tid\ttitle\tyear\tgenres\tpopularity";

    private CatalogFormat() {
    }

    public static String write(Catalog catalog) {
        StringBuilder out = new StringBuilder(catalog.size() * 48);
        out.append(HEADER).append('\n');
        for (Item item : catalog.items()) {
            out.append(item.index()).append('\t')
                    .append(item.id()).append('\t')
                    .append(escape(item.title())).append('\t')
                    .append(item.year()).append('\t')
                    .append(String.join("|", item.genres())).append('\t')
                    .append(item.popularity()).append('\n');
        }
        return out.toString();
    }

    /** Parses a catalog; {@code source} names the file in error messages. */
    public static Catalog parse(String text, String source) {
        if (text == null || text.isEmpty()) {
            throw new FormatException(source + ": empty catalog");
        }
        List<Item> items = new ArrayList<>();
        int lineNo = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            start = end + 1;
            lineNo++;
            if (lineNo == 1) {
                if (!line.equals(HEADER)) {
                    throw new FormatException(source + ":1: expected header \"" + HEADER.replace("\t", "\\t") + "\"");
                }
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            items.add(parseLine(line, source + ":" + lineNo));
        }
        if (items.isEmpty()) {
            throw new FormatException(source + ": catalog has no items");
        }
        try {
            return new Catalog(items);
        } catch (IllegalArgumentException e) {
            throw new FormatException(source + ": " + e.getMessage());
        }
    }

    private static Item parseLine(String line, String where) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 6) {
            throw new FormatException(where + ": expected 6 tab-separated fields, found " + fields.length);
        }
        int mask = 0;
        if (!fields[4].isEmpty()) {
            for (String name : fields[4].split("\\|")) {
                int genre = Genres.tryIndexOf(name);
                if (genre < 0) {
                    throw new FormatException(where + ": unknown genre \"" + name + "\"");
                }
                mask |= 1 << genre;
            }
        }
        try {
            return new Item(parseInt(fields[0], "index", where), parseInt(fields[1], "id", where), unescape(fields[2], where),
                    parseInt(fields[3], "year", where), mask, parseInt(fields[5], "popularity", where));
        } catch (IllegalArgumentException e) {
            if (e instanceof NumberFormatException) {
                throw e;
            }
            throw new FormatException(where + ": " + e.getMessage());
        }
    }

    private static int parseInt(String value, String field, String where) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new FormatException(where + ": " + field + " \"" + value + "\" is not a whole number");
        }
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String s, String where) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= s.length()) {
                throw new FormatException(where + ": title ends with a lone backslash");
            }
            char e = s.charAt(i);
            switch (e) {
                case '\\' -> out.append('\\');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                default -> throw new FormatException(where + ": unknown escape \\" + e + " in title");
            }
        }
        return out.toString();
    }
}
