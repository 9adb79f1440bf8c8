package privrec.client.app;

import java.util.ArrayList;
import java.util.List;

import privrec.core.Catalog;
import privrec.core.Item;

/**
 * Title search over the catalog, on the device: case- and diacritic-insensitive substring match, so "amelie"
 * finds "Amélie" and "CITE" finds "Cité". TeaVM has no {@code java.text.Normalizer}, so accents are folded with
 * a small table covering Latin-1 and Latin Extended-A, which is what MovieLens titles use.
 */
public final class TitleSearch {
    /** Results shown at first and added by each "Show more". */
    public static final int PAGE = 50;

    private static final String ACCENTED =
            "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňŉòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżž";
    private static final String PLAIN =
            "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzz";

    /**
     * Titles folded per slice; {@code pause} runs between slices (87,000 titles take ~0.3 s in TeaVM: too long
     * for one task), and each slice is stored as ONE string, because building a string is what costs in TeaVM
     * (one per title took most of that time).
     */
    static final int FOLD_SLICE = 2_000;
    /** Ends each folded title in a slice's text; {@link #fold} drops it from titles and queries alike. */
    private static final char END = '\u0000';

    private final Catalog catalog;
    private final Runnable pause;
    /** Slice k: the folded titles of items k·FOLD_SLICE… joined, each followed by {@link #END}; null until built. */
    private final String[] slices;
    /** Slice k: where each of its titles starts in {@code slices[k]}. */
    private final int[][] starts;
    private int built;

    public TitleSearch(Catalog catalog) {
        this(catalog, () -> {
        });
    }

    /**
     * Folds nothing yet: the index is built by {@link #index} (the app calls it once the model is shown as ready,
     * so the 87,000-title fold is not on the way to "model ready") or by the first search, whichever comes first.
     *
     * @param pause run between slices of folding; in the browser it lets the page handle input (it may block the
     *              calling TeaVM thread for a turn of the event loop)
     */
    public TitleSearch(Catalog catalog, Runnable pause) {
        this.catalog = catalog;
        this.pause = pause;
        int count = (catalog.size() + FOLD_SLICE - 1) / FOLD_SLICE;
        this.slices = new String[count];
        this.starts = new int[count][];
    }

    /**
     * Builds the whole index, a slice at a time with {@code pause} between slices; returns at once when it is
     * built. Synchronized: a search typed while the app is still indexing waits for that index instead of
     * folding the same titles again.
     */
    public synchronized void index() {
        while (built < slices.length) {
            int k = built;
            int first = k * FOLD_SLICE;
            int n = Math.min(FOLD_SLICE, catalog.size() - first);
            StringBuilder text = new StringBuilder(n * 32);
            int[] at = new int[n];
            for (int j = 0; j < n; j++) {
                at[j] = text.length();
                // The stored name and the year suffix folded in place: Item.title() would build a string per item.
                Item item = catalog.get(first + j);
                foldInto(text, item.name());
                if (item.hasYearSuffix()) {
                    text.append(" (").append(item.year()).append(')');
                }
                text.append(END);
            }
            slices[k] = text.toString();
            starts[k] = at;
            built = k + 1;
            if (built < slices.length) {
                pause.run();
            }
        }
    }

    /** The first {@code limit} items whose title contains the query, most popular first; empty for a blank query. */
    public List<Item> find(String query, int limit) {
        List<Item> hits = findAll(query);
        return hits.size() > limit ? new ArrayList<>(hits.subList(0, limit)) : hits;
    }

    /** Every item whose title contains the query, most popular first; empty for a blank query. */
    public List<Item> findAll(String query) {
        String needle = fold(query == null ? "" : query.trim());
        List<Item> hits = new ArrayList<>();
        if (needle.isEmpty()) {
            return hits;
        }
        index();
        for (int k = 0; k < slices.length; k++) {
            String text = slices[k];
            int[] at = starts[k];
            int from = 0;
            int pos;
            while ((pos = text.indexOf(needle, from)) >= 0) {
                // The needle holds no END, so a hit lies inside one title: the last start at or before it.
                int j = java.util.Arrays.binarySearch(at, pos);
                int title = j >= 0 ? j : -j - 2;
                hits.add(catalog.get(k * FOLD_SLICE + title));
                from = title + 1 < at.length ? at[title + 1] : text.length();
            }
        }
        hits.sort((a, b) -> b.popularity() != a.popularity()
                ? Integer.compare(b.popularity(), a.popularity())
                : a.title().compareTo(b.title()));
        return hits;
    }

    /** Lower case without accents; ligatures æ/œ/ß spelled out so "aeon" matches "Æon"; NUL dropped. */
    static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        foldInto(out, text);
        return out.toString();
    }

    private static void foldInto(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) { // ASCII: no accent to look up (most titles are all ASCII)
                if (c >= 'A' && c <= 'Z') {
                    out.append((char) (c + ('a' - 'A')));
                } else if (c != END) {
                    out.append(c);
                }
                continue;
            }
            c = Character.toLowerCase(c);
            int at = ACCENTED.indexOf(c);
            if (at >= 0) {
                out.append(PLAIN.charAt(at));
            } else if (c == 'æ') {
                out.append("ae");
            } else if (c == 'œ') {
                out.append("oe");
            } else if (c == 'ß') {
                out.append("ss");
            } else if (c < '\u0300' || c > '\u036f') { // drop combining marks (decomposed input)
                out.append(c);
            }
        }
    }
}
