package privrec.client.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import privrec.core.Catalog;
import privrec.core.CatalogFormat;
import privrec.core.FormatException;
import privrec.core.Item;

class SlicedCatalogTest {
    /** 5,000 movies with multi-byte titles: many parse slices. */
    private static Catalog big() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            items.add(new Item(i, 10 + 3 * i, "Amélie – 東京 № " + i + " (2001)", 2001, 1 << (i % 5), i % 97));
        }
        return new Catalog(items);
    }

    @Test
    void slicedParseEqualsOneSliceParseAndPausesAfterDecodingAndBetweenSlices() {
        Catalog catalog = big();
        byte[] utf8 = CatalogFormat.write(catalog).getBytes(StandardCharsets.UTF_8);
        int[] pauses = {0};

        Catalog sliced = SlicedCatalog.parse(utf8, "catalog.tsv", Utf8Decoder.JAVA, () -> pauses[0]++);

        assertEquals(CatalogFormat.write(CatalogFormat.parse(new String(utf8, StandardCharsets.UTF_8), "x")),
                CatalogFormat.write(sliced));
        assertEquals(catalog.size(), sliced.size());
        // One pause after decoding the file, then one between each two of the size / PARSE_SLICE_LINES slices.
        assertEquals(catalog.size() / SlicedCatalog.PARSE_SLICE_LINES, pauses[0],
                "a pause after decoding and between slices");
    }

    @Test
    void aDamagedLineIsReportedLikeCoresParser() {
        String text = CatalogFormat.write(big()).replaceFirst("\t2001\t", "\tnineteen\t");
        FormatException e = assertThrows(FormatException.class,
                () -> SlicedCatalog.parse(text.getBytes(StandardCharsets.UTF_8), "catalog.tsv", Utf8Decoder.JAVA, Pacer.NONE));
        assertTrue(e.getMessage().startsWith("catalog.tsv:"), e.getMessage());
    }
}
