package privrec.client.app;

import java.util.List;

import privrec.core.Item;

/** The first {@code shown} of {@code total} titles containing a query, most popular first. */
public record SearchResults(List<Item> shown, int total) {
    public boolean hasMore() {
        return shown.size() < total;
    }
}
