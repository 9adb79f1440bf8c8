package privrec.core;

/**
 * {@code catalog.tsv}, format 2: what the browser needs to show and filter every movie, in model column order, as
 * few bytes as plain text allows (measured in {@code docs/architecture.md}; at 87,000 movies it is about half of
 * format 1, whose index column, genre names and titles repeating the year were redundant).
 *
 * <pre>
 *   privrec-catalog	2	&lt;item count&gt;
 *   &lt;id delta&gt;	&lt;title&gt;	&lt;year&gt;	&lt;genre mask, hex&gt;	&lt;popularity&gt;      one line per item, column 0 first
 * </pre>
 * <ul>
 *   <li>the column is the line's position (the first item line is column 0);</li>
 *   <li>id delta: this item's movie id minus the previous line's (the first line's minus 0); may be negative;</li>
 *   <li>year: a plain year {@code Y} means the title is stored without its trailing {@code " (Y)"}, which the
 *       reader puts back (MovieLens titles carry their year); {@code =Y} means the title is stored as it is.
 *       Year 0 is unknown;</li>
 *   <li>genre mask: bit {@code i} for {@code Genres.NAMES.get(i)}, lower-case hex;</li>
 *   <li>backslash, tab, newline and carriage return in titles are escaped as {@code \\ \t \n \r}.</li>
 * </ul>
 * Tab-separated text rather than binary or JSON because brotli compresses it as well as a binary layout, it parses
 * fast in page JavaScript, and it diffs well. The count in the header lets a reader detect a truncated file and
 * report progress; {@link CatalogReader} parses it in slices so a page can yield between them.
 */
public final class CatalogFormat {
    public static final String MAGIC = "privrec-catalog";
    public static final int VERSION = 2;

    private CatalogFormat() {
    }

    public static String write(Catalog catalog) {
        StringBuilder out = new StringBuilder(catalog.size() * 32);
        out.append(MAGIC).append('\t').append(VERSION).append('\t').append(catalog.size()).append('\n');
        int previousId = 0;
        for (Item item : catalog.items()) {
            String suffix = " (" + item.year() + ")";
            boolean stripped = item.year() > 0 && item.title().endsWith(suffix) && item.title().length() > suffix.length();
            String title = stripped ? item.title().substring(0, item.title().length() - suffix.length()) : item.title();
            out.append(item.id() - previousId).append('\t')
                    .append(escape(title)).append('\t')
                    .append(stripped ? "" : "=").append(item.year()).append('\t')
                    .append(Integer.toHexString(item.genreMask())).append('\t')
                    .append(item.popularity()).append('\n');
            previousId = item.id();
        }
        return out.toString();
    }

    /** Parses a whole catalog at once; {@code source} names the file in error messages. */
    public static Catalog parse(String text, String source) {
        CatalogReader reader = new CatalogReader(text, source);
        while (!reader.readSome(Integer.MAX_VALUE)) {
            // one call reads everything
        }
        return reader.catalog();
    }

    static String escape(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
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
