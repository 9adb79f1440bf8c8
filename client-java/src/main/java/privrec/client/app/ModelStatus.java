package privrec.client.app;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

import privrec.core.Catalog;
import privrec.core.Item;
import privrec.core.ItemScorer;
import privrec.core.Manifest;
import privrec.core.Recommender;

/**
 * Where the model stands: loading (with a progress sentence), ready, or failed (with the sentence to show).
 * Immutable; the controller swaps instances as loading proceeds.
 *
 * @param withdrawn movie ids the model still has columns for but the release no longer offers: never recommended,
 *                  browsed or found, while a rating of one still feeds the history row
 */
public record ModelStatus(Phase phase, String message, Manifest manifest, Recommender recommender,
                          ItemScorer scorer, TitleSearch search, String sourceNote, Set<Integer> withdrawn) {
    public enum Phase { LOADING, READY, FAILED }

    public ModelStatus {
        withdrawn = withdrawn == null ? Set.of() : Collections.unmodifiableSet(new HashSet<>(withdrawn));
    }

    public static ModelStatus loading(String message) {
        return new ModelStatus(Phase.LOADING, message, null, null, null, null, null, null);
    }

    public static ModelStatus failed(String sentence) {
        return new ModelStatus(Phase.FAILED, sentence, null, null, null, null, null, null);
    }

    /** @param notice a sentence about where the model came from (e.g. "offline: using the cached model"), or null */
    public static ModelStatus ready(Manifest manifest, Catalog catalog, ItemScorer scorer, String notice) {
        return ready(manifest, catalog, scorer, Set.of(), notice, () -> {
        });
    }

    /** @param pause run between slices of building the title index (see {@link TitleSearch}) */
    public static ModelStatus ready(Manifest manifest, Catalog catalog, ItemScorer scorer, Set<Integer> withdrawn,
                                    String notice, Runnable pause) {
        return new ModelStatus(Phase.READY, notice, manifest, new Recommender(catalog, scorer),
                scorer, new TitleSearch(catalog, pause), notice, withdrawn);
    }

    public boolean isReady() {
        return phase == Phase.READY;
    }

    public Catalog catalog() {
        return recommender == null ? null : recommender.catalog();
    }

    /** The catalog entry of a movie this release offers; null when the catalog lacks it or withdrew it. */
    public Item offered(int movieId) {
        Catalog catalog = catalog();
        Item item = catalog == null ? null : catalog.byId(movieId);
        return item == null || withdrawn.contains(movieId) ? null : item;
    }

    public boolean isOffered(Item item) {
        return !withdrawn.contains(item.id());
    }
}
