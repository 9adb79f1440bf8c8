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

    private final Catalog catalog;
    private final String[] folded;

    /** Titles folded per slice before {@code pause} runs (87,000 titles fold in ~0.1–0.4 s: too long for one task). */
    static final int FOLD_SLICE = 2_000;

    public TitleSearch(Catalog catalog) {
        this(catalog, () -> {
        });
    }

    /**
     * @param pause run between slices of folding; in the browser it lets the page handle input (it may block the
     *              calling TeaVM thread for a turn of the event loop)
     */
    public TitleSearch(Catalog catalog, Runnable pause) {
        this.catalog = catalog;
        this.folded = new String[catalog.size()];
        for (int i = 0; i < folded.length; i++) {
            folded[i] = fold(catalog.get(i).title());
            if (i % FOLD_SLICE == FOLD_SLICE - 1) {
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
        for (int i = 0; i < folded.length; i++) {
            if (folded[i].contains(needle)) {
                hits.add(catalog.get(i));
            }
        }
        hits.sort((a, b) -> b.popularity() != a.popularity()
                ? Integer.compare(b.popularity(), a.popularity())
                : a.title().compareTo(b.title()));
        return hits;
    }

    /** Lower case without accents; ligatures æ/œ/ß spelled out so "aeon" matches "Æon". */
    static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = Character.toLowerCase(text.charAt(i));
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
        return out.toString();
    }
}
