package privrec.client.js.net;

import privrec.client.model.BlobCache;
import privrec.client.model.NoCache;

/** Picks the best store the browser offers: Cache API, else IndexedDB, else none (the loader then says so). */
public final class BrowserCaches {
    private BrowserCaches() {
    }

    /** Blocks (TeaVM thread only). Never throws: a refused store falls through to the next one. */
    public static BlobCache open() {
        if (CacheApiBlobCache.available()) {
            try {
                return CacheApiBlobCache.open();
            } catch (RuntimeException e) {
                // e.g. SecurityError in a private window: IndexedDB may still work.
            }
        }
        if (IndexedDbBlobCache.available()) {
            try {
                return IndexedDbBlobCache.open();
            } catch (RuntimeException e) {
                // Storage disabled: run without a cache.
            }
        }
        return new NoCache();
    }
}
