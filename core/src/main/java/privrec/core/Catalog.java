package privrec.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.RandomAccess;

/**
 * The items the model scores, in model column order, with id lookups in pairs: {@link #indexOf} throws,
 * {@link #tryIndexOf} returns -1. Serialised as {@code catalog.tsv} (see {@link CatalogFormat}).
 */
public final class Catalog {
    private final List<Item> items;
    private final IdColumns columnById;

    public Catalog(List<Item> items) {
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("a catalog needs at least one item");
        }
        // Indexed reads where the list allows them: TeaVM's ArrayList copy constructor and toArray go through an
        // iterator, which at 87,000 movies was a visible share of the browser's start-up.
        Item[] copy = new Item[items.size()];
        if (items instanceof RandomAccess) {
            for (int i = 0; i < copy.length; i++) {
                copy[i] = items.get(i);
            }
        } else {
            copy = items.toArray(copy);
        }
        this.items = Collections.unmodifiableList(Arrays.asList(copy));
        this.columnById = new IdColumns(copy.length);
        for (int i = 0; i < copy.length; i++) {
            Item item = copy[i];
            if (item.index() != i) {
                throw new IllegalArgumentException("item " + item.id() + " has index " + item.index() + " but is at column " + i);
            }
            if (!columnById.put(item.id(), i)) {
                throw new IllegalArgumentException("movie id " + item.id() + " appears twice in the catalog");
            }
        }
    }

    public int size() {
        return items.size();
    }

    public Item get(int index) {
        if (index < 0 || index >= items.size()) {
            throw new IllegalArgumentException("item index " + index + " is outside 0.." + (items.size() - 1));
        }
        return items.get(index);
    }

    public List<Item> items() {
        return items;
    }

    /** Column of a movie id, or -1 when the catalog does not have it. */
    public int tryIndexOf(int id) {
        return columnById.get(id);
    }

    /** Column of a movie id; throws for an id the catalog does not have. */
    public int indexOf(int id) {
        int column = tryIndexOf(id);
        if (column < 0) {
            throw new IllegalArgumentException("movie id " + id + " is not in the catalog");
        }
        return column;
    }

    /** The item with this id, or null. */
    public Item byId(int id) {
        int column = tryIndexOf(id);
        return column < 0 ? null : items.get(column);
    }
}
