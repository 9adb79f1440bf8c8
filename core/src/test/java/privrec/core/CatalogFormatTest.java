package privrec.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogFormatTest {
    private static final String HEADER = "privrec-catalog\t2\t";

    @Test
    void roundTripsAwkwardTitlesYearsAndIds() {
        Catalog catalog = new Catalog(List.of(
                new Item(0, 7, "Tab\there \\ and\nnewline", 1999, 0b101, 3),
                new Item(1, 9, "<img src=x onerror=alert(1)>", 0, 0, 0),
                new Item(2, 3, "Toy Story (1995)", 1995, 0b1000, 452),           // year stripped from the title
                new Item(3, 50, "Remake (1999)", 2001, 1, 1),                    // suffix is not its year: kept
                new Item(4, 51, "(1995)", 1995, 0x7ffff, 2),                     // nothing but the suffix: kept
                new Item(5, 52, "Amélie (Fabuleux destin d'Amélie Poulain, Le) (2001)", 2001, 0b100000, 9)));
        String text = CatalogFormat.write(catalog);
        assertEquals(catalog.items(), CatalogFormat.parse(text, "catalog.tsv").items());
        assertTrue(text.startsWith(HEADER + "6\n7\t"), text);
        assertTrue(text.contains("\n-6\tToy Story\t1995\t8\t452\n"), text);
        assertTrue(text.contains("\tRemake (1999)\t=2001\t"), text);
    }

    @Test
    void slicedReadingGivesTheSameCatalog() {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            items.add(new Item(i, 1 + (i * 7919) % 5003, "Movie " + i + " (" + (1950 + i % 70) + ")", 1950 + i % 70,
                    i % 19, i % 300));
        }
        String text = CatalogFormat.write(new Catalog(items));
        CatalogReader reader = new CatalogReader(text, "catalog.tsv");
        assertEquals(1000, reader.expectedItems());
        int slices = 0;
        while (!reader.readSome(64)) {
            slices++;
            assertEquals(64 * slices, reader.itemsRead());
        }
        assertEquals(15, slices);
        assertEquals(items, reader.catalog().items());
        assertEquals(items, CatalogFormat.parse(text, "catalog.tsv").items());
    }

    @Test
    void catalogIsUnavailableUntilRead() {
        CatalogReader reader = new CatalogReader(HEADER + "2\n1\tA\t=0\t0\t1\n1\tB\t=0\t0\t1\n", "c");
        assertFalse(reader.readSome(1));
        assertThrows(IllegalStateException.class, reader::catalog);
        assertTrue(reader.readSome(1));
        assertEquals(2, reader.catalog().size());
    }

    @Test
    void errorsNameFileAndLine() {
        String bad = HEADER + "2\n1\tA\t1990\t20\t5\n1\tB\tnineteen\t20\t5\n";
        assertEquals("catalog.tsv:3: year \"nineteen\" is not a whole number",
                assertThrows(FormatException.class, () -> CatalogFormat.parse(bad, "catalog.tsv")).getMessage());
        assertEquals("c:2: genre mask \"zz\" is not hexadecimal", message(HEADER + "1\n1\tA\t1990\tzz\t5\n"));
        assertEquals("c:2: item 1 has invalid genre mask 524288", message(HEADER + "1\n1\tA\t1990\t80000\t5\n"));
        assertEquals("c:2: expected 5 tab-separated fields, found 4", message(HEADER + "1\n1\tA\t1990\t5\n"));
    }

    @Test
    void refusesTruncatedDuplicateAndForeignFiles() {
        assertEquals("c: the header announces 3 movies but the file has 2 (truncated?)",
                message(HEADER + "3\n1\tA\t=0\t0\t1\n1\tB\t=0\t0\t1\n"));
        assertEquals("c: movie id 1 appears twice in the catalog", message(HEADER + "2\n1\tA\t=0\t0\t1\n0\tB\t=0\t0\t1\n"));
        assertEquals("c:2: item id -1 must be positive",
                message(HEADER + "1\n-1\tA\t=0\t0\t1\n"));
        assertTrue(message("index\tid\ttitle\tyear\tgenres\tpopularity\n0\t1\tA\t1990\tComedy\t5\n")
                .startsWith("c:1: not a privrec catalog"));
        assertEquals("c:1: catalog format 3, this app reads format 2 (retrain with the current trainer)",
                message("privrec-catalog\t3\t1\n1\tA\t=0\t0\t1\n"));
        assertEquals("c: empty catalog", message(""));
        assertEquals("c: catalog has no items", message(HEADER + "0\n"));
    }

    private static String message(String text) {
        return assertThrows(FormatException.class, () -> CatalogFormat.parse(text, "c")).getMessage();
    }
}
