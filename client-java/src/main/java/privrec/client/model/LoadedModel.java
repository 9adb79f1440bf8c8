package privrec.client.model;

import privrec.core.Catalog;
import privrec.core.ItemScorer;
import privrec.core.Manifest;
import privrec.core.Recommender;

/**
 * A verified, ready model: its manifest, the parsed catalog and a scorer over the inference session.
 *
 * @param manifest        the manifest the files were verified against
 * @param catalog         items in model column order
 * @param scorer          scores the whole catalog in one inference run (batch rows supported)
 * @param source          where the files came from
 * @param notice          a human sentence to show (offline, no cache available...), or null
 * @param downloadedBytes bytes of model and catalog downloaded by this load (0 when all came from the cache)
 */
public record LoadedModel(Manifest manifest, Catalog catalog, ItemScorer scorer, Source source, String notice,
                          int downloadedBytes) {

    /** Where the model files came from. */
    public enum Source {
        /** The manifest was fetched and at least one file was downloaded. */
        NETWORK,
        /** The manifest was fetched and every file it names was already cached. */
        CACHE,
        /** The manifest could not be fetched: the last good cached model is used. */
        CACHE_OFFLINE
    }

    /** The core pipeline over this model. */
    public Recommender recommender() {
        return new Recommender(catalog, scorer);
    }
}
