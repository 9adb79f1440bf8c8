package privrec.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One catalog entry. {@code index} is the model column (0-based, dense); {@code id} is the data set's movie id.
 * Immutable, with value equality over its six components (it was a record; the display title is now built on
 * first use, see {@link #withYearSuffix}).
 */
public final class Item {
    private final int index;
    private final int id;
    /** The title as stored: complete, or without its " (year)" suffix when {@link #suffixYear}. */
    private final String name;
    private final boolean suffixYear;
    private final int year;
    private final int genreMask;
    private final int popularity;
    /** {@code name + " (" + year + ")"}, built on first use (a benign race: every thread builds the same string). */
    private String title;

    /**
     * @param index      model column of this item, {@code 0 <= index < catalog size}
     * @param id         external movie id (positive)
     * @param title      display title (plain text; never to be parsed as HTML)
     * @param year       release year, 0 when unknown
     * @param genreMask  bit {@code i} set for genre {@code Genres.NAMES.get(i)}
     * @param popularity number of positive ratings among training users (for display and fallbacks)
     */
    public Item(int index, int id, String title, int year, int genreMask, int popularity) {
        this(index, id, title, false, year, genreMask, popularity);
    }

    private Item(int index, int id, String name, boolean suffixYear, int year, int genreMask, int popularity) {
        if (index < 0) {
            throw new IllegalArgumentException("item index " + index + " is negative");
        }
        if (id <= 0) {
            throw new IllegalArgumentException("item id " + id + " must be positive");
        }
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("item " + id + " has no title");
        }
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("item " + id + " has year " + year + " outside 0..9999");
        }
        if (genreMask < 0 || genreMask >= (1 << Genres.NAMES.size())) {
            throw new IllegalArgumentException("item " + id + " has invalid genre mask " + genreMask);
        }
        if (popularity < 0) {
            throw new IllegalArgumentException("item " + id + " has negative popularity " + popularity);
        }
        this.index = index;
        this.id = id;
        this.name = name;
        this.suffixYear = suffixYear;
        this.year = year;
        this.genreMask = genreMask;
        this.popularity = popularity;
        this.title = suffixYear ? null : name;
    }

    /**
     * The item whose display title is {@code name + " (" + year + ")"}, the catalog file's usual form. The title
     * string is only built when asked for: in TeaVM building a string costs far more than parsing the line, and an
     * 87,000-movie catalog shows a few dozen titles at a time (the title search folds {@link #name} and the year).
     */
    public static Item withYearSuffix(int index, int id, String name, int year, int genreMask, int popularity) {
        return new Item(index, id, name, true, year, genreMask, popularity);
    }

    /** The same item at another model column (catalog chunks are numbered on across files). */
    public Item atIndex(int newIndex) {
        return newIndex == index ? this : new Item(newIndex, id, name, suffixYear, year, genreMask, popularity);
    }

    public int index() {
        return index;
    }

    public int id() {
        return id;
    }

    /** Display title (plain text; never to be parsed as HTML). */
    public String title() {
        String t = title;
        if (t == null) {
            t = name + " (" + year + ")";
            title = t;
        }
        return t;
    }

    /** The stored title without the " (year)" suffix the display title adds, if it adds one. */
    public String name() {
        return name;
    }

    /** Whether {@link #title()} is {@link #name()} followed by " (year)". */
    public boolean hasYearSuffix() {
        return suffixYear;
    }

    public int year() {
        return year;
    }

    public int genreMask() {
        return genreMask;
    }

    public int popularity() {
        return popularity;
    }

    public boolean hasGenre(int genre) {
        return genre >= 0 && genre < 31 && (genreMask & (1 << genre)) != 0;
    }

    /** Genre names in MovieLens order. */
    public List<String> genres() {
        List<String> names = new ArrayList<>();
        for (int g = 0; g < Genres.NAMES.size(); g++) {
            if (hasGenre(g)) {
                names.add(Genres.NAMES.get(g));
            }
        }
        return names;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Item other && index == other.index && id == other.id && year == other.year
                && genreMask == other.genreMask && popularity == other.popularity && title().equals(other.title());
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, id, title(), year, genreMask, popularity);
    }

    @Override
    public String toString() {
        return "Item[index=" + index + ", id=" + id + ", title=" + title() + ", year=" + year + ", genreMask="
                + genreMask + ", popularity=" + popularity + "]";
    }
}
