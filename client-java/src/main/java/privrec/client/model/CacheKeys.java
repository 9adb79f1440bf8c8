package privrec.client.model;

/** Names under which the loader stores things in a {@link BlobCache}. */
final class CacheKeys {
    /** Prefix of a verified file's entry; the rest is its SHA-256, so a changed file gets a new entry. */
    static final String FILE_PREFIX = "sha256-";
    /** Text of the last manifest whose files were all verified, cached and loaded. */
    static final String LAST_GOOD_MANIFEST = "last-good-manifest";
    /** yyyy-mm-dd on which {@link #LAST_GOOD_MANIFEST} was stored, for the offline notice. */
    static final String LAST_GOOD_DATE = "last-good-manifest-date";

    private CacheKeys() {
    }

    static String file(String sha256) {
        return FILE_PREFIX + sha256;
    }
}
