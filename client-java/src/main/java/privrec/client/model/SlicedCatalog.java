package privrec.client.model;

import java.nio.charset.StandardCharsets;
import privrec.core.Catalog;
import privrec.core.CatalogReader;

/**
 * The catalog file decoded and parsed a slice at a time, pausing between slices ({@link Pacer}), so that an
 * 87,000-movie catalog never blocks the main thread in one long task. A thin wrapper: the format is core's
 * {@link CatalogReader}; this only decides where to cut and when to pause.
 */
final class SlicedCatalog {
    /** UTF-8 bytes decoded per slice, cut after a newline (a '\n' byte never occurs inside a UTF-8 sequence). */
    static final int DECODE_SLICE_BYTES = 64 * 1024;
    /** Catalog lines parsed per slice. */
    static final int PARSE_SLICE_LINES = 500;

    private SlicedCatalog() {
    }

    /** Throws {@link privrec.core.FormatException} for a damaged catalog, like {@link CatalogReader}. */
    static Catalog parse(byte[] utf8, String source, Pacer pacer) {
        CatalogReader reader = new CatalogReader(decode(utf8, pacer), source);
        while (!reader.readSome(PARSE_SLICE_LINES)) {
            pacer.between();
        }
        return reader.catalog();
    }

    static String decode(byte[] utf8, Pacer pacer) {
        if (utf8.length <= DECODE_SLICE_BYTES) {
            return new String(utf8, StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder(utf8.length);
        int start = 0;
        while (start < utf8.length) {
            int end = Math.min(utf8.length, start + DECODE_SLICE_BYTES);
            while (end < utf8.length && utf8[end - 1] != '\n') {
                end++;
            }
            text.append(new String(utf8, start, end - start, StandardCharsets.UTF_8));
            start = end;
            pacer.between();
        }
        return text.toString();
    }
}
