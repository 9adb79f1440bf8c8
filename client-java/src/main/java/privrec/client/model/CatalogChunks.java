package privrec.client.model;

import java.util.ArrayList;
import java.util.List;
import privrec.core.Catalog;
import privrec.core.FormatException;
import privrec.core.Item;

/**
 * A release's catalog: its chunks (each a complete catalog file, parsed in slices by {@link SlicedCatalog}) joined
 * in the manifest's order, the item index running on across them — chunk 0 holds columns 0..n0-1, chunk 1 the
 * next n1, and so on, as the trainer numbers the model's columns.
 */
final class CatalogChunks {
    private CatalogChunks() {
    }

    /**
     * @param names the chunks' file names, for error messages, in the same order as {@code chunks}
     * @throws FormatException when a chunk is damaged or a movie id appears in two chunks
     */
    static Catalog join(List<byte[]> chunks, List<String> names, Utf8Decoder utf8, Pacer pacer) {
        if (chunks.size() == 1) {
            return SlicedCatalog.parse(chunks.get(0), names.get(0), utf8, pacer);
        }
        List<Item> items = new ArrayList<>();
        for (int c = 0; c < chunks.size(); c++) {
            Catalog chunk = SlicedCatalog.parse(chunks.get(c), names.get(c), utf8, pacer);
            int offset = items.size();
            for (Item item : chunk.items()) {
                items.add(item.atIndex(offset + item.index()));
            }
            pacer.between();
        }
        try {
            return new Catalog(items);
        } catch (IllegalArgumentException e) {
            throw new FormatException(String.join(" + ", names) + ": " + e.getMessage());
        }
    }
}
