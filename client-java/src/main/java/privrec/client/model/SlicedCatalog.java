package privrec.client.model;

import privrec.core.Catalog;
import privrec.core.CatalogReader;

/**
 * The catalog file parsed a slice of lines at a time, pausing between slices ({@link Pacer}), so that an
 * 87,000-movie catalog never blocks the main thread in one long task. A thin wrapper: the format is core's
 * {@link CatalogReader}; this only decides how many lines a slice holds and pauses between them.
 */
final class SlicedCatalog {
    /** Catalog lines parsed per slice. */
    static final int PARSE_SLICE_LINES = 500;

    private SlicedCatalog() {
    }

    /** Throws {@link privrec.core.FormatException} for a damaged catalog, like {@link CatalogReader}. */
    static Catalog parse(byte[] utf8, String source, Utf8Decoder decoder, Pacer pacer) {
        // Decoding a 3 MB catalog is one step of its own (several ms at 87,000 movies): the page gets a turn after it.
        CatalogReader reader = new CatalogReader(decoder.decode(utf8), source);
        pacer.between();
        while (!reader.readSome(PARSE_SLICE_LINES)) {
            pacer.between();
        }
        return reader.catalog();
    }
}
