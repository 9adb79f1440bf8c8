package privrec.client.app;

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
}
