package privrec.trainer.data;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 fields: a field may be quoted; inside quotes, commas and line breaks are literal and {@code ""} is one
 * quote. MovieLens titles need this ({@code "American President, The (1995)"}, {@code """Great Performances"" Cats (1998)"}).
 */
final class Csv {
    /** Thrown by {@link #split} for a quote in the wrong place; the caller adds file and line. */
    static final class BadQuoting extends Exception {
        BadQuoting(String message) {
            super(message, null, false, false);
        }
    }

    private Csv() {
    }

    /**
     * Splits one record. Returns null when the record ends inside a quoted field, i.e. the field continues on the
     * next line (the caller appends {@code "\n" + nextLine} and calls again).
     */
    static List<String> split(String record) throws BadQuoting {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = record.length();
        while (true) {
            field.setLength(0);
            if (i < n && record.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        return null;
                    }
                    char c = record.charAt(i++);
                    if (c != '"') {
                        field.append(c);
                    } else if (i < n && record.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                if (i < n && record.charAt(i) != ',') {
                    throw new BadQuoting("unexpected character after closing quote in field " + (fields.size() + 1));
                }
            } else {
                while (i < n && record.charAt(i) != ',') {
                    char c = record.charAt(i++);
                    if (c == '"') {
                        throw new BadQuoting("quote inside unquoted field " + (fields.size() + 1)
                                + " (quote the field and double the quote)");
                    }
                    field.append(c);
                }
            }
            fields.add(field.toString());
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }

    /** Quotes a field only when needed, as MovieLens does, so written files look like the originals. */
    static String quote(String field) {
        boolean needs = false;
        for (int i = 0; i < field.length() && !needs; i++) {
            char c = field.charAt(i);
            needs = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
