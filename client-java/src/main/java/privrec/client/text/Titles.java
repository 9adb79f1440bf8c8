package privrec.client.text;

/** Display titles. MovieLens titles usually carry the year already ("Toy Story (1995)"); never show it twice. */
public final class Titles {
    private Titles() {
    }

    /** True when the title already ends with "(year)". */
    public static boolean hasYear(String title, int year) {
        return year > 0 && title.trim().endsWith("(" + year + ")");
    }

    /** "Title (year)" unless the title already says so or the year is unknown. */
    public static String withYear(String title, int year) {
        return year <= 0 || hasYear(title, year) ? title : title + " (" + year + ")";
    }

    /**
     * How titles sort A–Z: case-insensitive, a leading "The ", "A " or "An " ignored (as in libraries and on
     * movie sites), and MovieLens's "Matrix, The (1999)" style is already in that order.
     */
    public static String sortKey(String title) {
        String t = title.trim().toLowerCase();
        for (String article : new String[] {"the ", "a ", "an "}) {
            if (t.startsWith(article)) {
                return t.substring(article.length());
            }
        }
        return t;
    }
}
