package privrec.core;

import java.util.ArrayList;
import java.util.List;

/**
 * One catalog entry. {@code index} is the model column (0-based, dense); {@code id} is the data set's movie id.
 *
 * @param index      model column of this item, {@code 0 <= index < catalog size}
 * @param id         external movie id (positive)
 * @param title      display title (plain text; never to be parsed as HTML)
 * @param year       release year, 0 when unknown
 * @param genreMask  bit {@code i} set for genre {@code Genres.NAMES.get(i)}
 * @param popularity number of positive ratings among training users (for display and fallbacks)
 */
public record Item(int index, int id, String title, int year, int genreMask, int popularity) {
    public Item {
        if (index < 0) {
            throw new IllegalArgumentException("item index " + index + " is negative");
        }
        if (id <= 0) {
            throw new IllegalArgumentException("item id " + id + " must be positive");
        }
        if (title == null || title.isEmpty()) {
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
}
