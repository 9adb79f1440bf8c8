package privrec.trainer.data;

import java.util.Locale;

import privrec.core.Genres;

/** Title-year and genre-list conventions shared by the MovieLens readers and the CSV writer. */
final class MovieFields {
    /** What movies.csv writes for a movie without genres (MovieLens' own spelling). */
    static final String NO_GENRES = "(no genres listed)";

    private MovieFields() {
    }

    /**
     * The year MovieLens appends to titles: "Toy Story (1995)" → 1995, "Fawlty Towers (1975-1979)" → 1975,
     * trailing spaces allowed (some ml-latest titles have them); 0 when the title has none.
     */
    static int yearFromTitle(String title) {
        int close = title.length() - 1;
        while (close >= 0 && title.charAt(close) == ' ') {
            close--;
        }
        if (close < 5 || title.charAt(close) != ')') {
            return 0;
        }
        int open = title.lastIndexOf('(', close);
        if (open < 0 || close - open < 5) {
            return 0;
        }
        int year = 0;
        for (int i = open + 1; i < open + 5; i++) {
            char c = title.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            year = year * 10 + (c - '0');
        }
        char after = title.charAt(open + 5);
        return after == ')' || after == '-' || after == '–' ? year : 0;
    }

    /**
     * A '|'-separated genre list → mask. Names core.Genres does not know are ignored: ml-latest adds "IMAX", later
     * releases may add more, and a display tag is not worth refusing a 30-minute load. Spelling variants are
     * matched loosely ("Film Noir", "film-noir", "Sci Fi", "Children").
     */
    static int genreMask(String list) {
        if (list.isEmpty() || list.equals(NO_GENRES)) {
            return 0;
        }
        int mask = 0;
        int from = 0;
        while (from <= list.length()) {
            int bar = list.indexOf('|', from);
            int to = bar < 0 ? list.length() : bar;
            int genre = genreIndex(list.substring(from, to));
            if (genre >= 0) {
                mask |= 1 << genre;
            }
            from = to + 1;
        }
        return mask;
    }

    private static int genreIndex(String name) {
        int exact = Genres.tryIndexOf(name);
        if (exact >= 0 && !name.trim().equalsIgnoreCase(NO_GENRES)) {
            return exact;
        }
        String key = squash(name);
        for (int g = 0; g < Genres.NAMES.size(); g++) {
            String known = squash(Genres.NAMES.get(g));
            if (known.equals(key) || (known + "s").equals(key) || known.equals(key + "s")) {
                return g;
            }
        }
        return -1;
    }

    /** Lower case without spaces, hyphens and apostrophes: "Film Noir" and "Film-Noir" both become "filmnoir". */
    private static String squash(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != ' ' && c != '-' && c != '\'' && c != '_') {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Mask → movies.csv genre list, in MovieLens order. */
    static String genreList(int mask) {
        if (mask == 0) {
            return NO_GENRES;
        }
        StringBuilder out = new StringBuilder();
        for (int g = 0; g < Genres.NAMES.size(); g++) {
            if ((mask & (1 << g)) != 0) {
                out.append(out.length() == 0 ? "" : "|").append(Genres.NAMES.get(g));
            }
        }
        return out.toString();
    }
}
