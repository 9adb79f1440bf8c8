package privrec.client.app;

import java.util.List;

import privrec.core.Item;

/**
 * A movie page: the catalog entry, the open profile's rating (0 = none) and whether it is on the "Not interested"
 * list, and "more like this" — the movies whose scores this one alone raises most in the model.
 */
public record MovieDetails(Item item, float yourStars, boolean dismissed, List<Item> moreLikeThis) {
}
