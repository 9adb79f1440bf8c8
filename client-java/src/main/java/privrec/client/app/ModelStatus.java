package privrec.client.app;

import privrec.core.Catalog;
import privrec.core.ItemScorer;
import privrec.core.Manifest;
import privrec.core.Recommender;

/**
 * Where the model stands: loading (with a progress sentence), ready, or failed (with the sentence to show).
 * Immutable; the controller swaps instances as loading proceeds.
 */
public record ModelStatus(Phase phase, String message, Manifest manifest, Recommender recommender,
                          ItemScorer scorer, TitleSearch search, String sourceNote) {
    public enum Phase { LOADING, READY, FAILED }

    public static ModelStatus loading(String message) {
        return new ModelStatus(Phase.LOADING, message, null, null, null, null, null);
    }

    public static ModelStatus failed(String sentence) {
        return new ModelStatus(Phase.FAILED, sentence, null, null, null, null, null);
    }

    /** @param notice a sentence about where the model came from (e.g. "offline: using the cached model"), or null */
    public static ModelStatus ready(Manifest manifest, Catalog catalog, ItemScorer scorer, String notice) {
        return ready(manifest, catalog, scorer, notice, () -> {
        });
    }

    /** @param pause run between slices of building the title index (see {@link TitleSearch}) */
    public static ModelStatus ready(Manifest manifest, Catalog catalog, ItemScorer scorer, String notice,
                                    Runnable pause) {
        return new ModelStatus(Phase.READY, notice, manifest, new Recommender(catalog, scorer),
                scorer, new TitleSearch(catalog, pause), notice);
    }

    public boolean isReady() {
        return phase == Phase.READY;
    }

    public Catalog catalog() {
        return recommender == null ? null : recommender.catalog();
    }
}
