package privrec.client.model;

import java.util.HashSet;
import java.util.Set;
import privrec.core.Catalog;
import privrec.core.ItemScorer;
import privrec.core.Manifest;
import privrec.core.Recommender;
import privrec.core.privacy.BasisRows;

/**
 * A verified, ready model: its manifest, the parsed catalog and a scorer over the inference session.
 *
 * @param manifest        the manifest the files were verified against
 * @param catalog         items in model column order
 * @param scorer          scores the whole catalog in one inference run (batch rows supported)
 * @param source          where the files came from
 * @param notice          a human sentence to show (offline, no cache available...), or null
 * @param downloadedBytes bytes of the release's parts downloaded by this load (0 when all came from the cache)
 * @param basis           the item basis read from the verified basis chunks the session was given (the same
 *                        arrays, no copy and no second request), kept only when the release accepts contributions
 *                        (its manifest has {@code contributions} terms); null otherwise
 */
public record LoadedModel(Manifest manifest, Catalog catalog, ItemScorer scorer, Source source, String notice,
                          int downloadedBytes, BasisRows basis) {

    /** Where the model files came from. */
    public enum Source {
        /** The manifest was fetched and at least one file was downloaded. */
        NETWORK,
        /** The manifest was fetched and every file it names was already cached. */
        CACHE,
        /**
         * The newest release could not be used (the manifest or one of its parts could not be fetched, or a part
         * failed its check): the last good cached release is used.
         */
        CACHE_OFFLINE
    }

    /** Movie ids the release withdrew: the model keeps their columns, the app no longer offers them. */
    public Set<Integer> withdrawn() {
        return new HashSet<>(manifest.withdrawn());
    }

    /** The core pipeline over this model. */
    public Recommender recommender() {
        return new Recommender(catalog, scorer);
    }
}
