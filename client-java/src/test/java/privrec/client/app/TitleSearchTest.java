package privrec.client.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import privrec.core.Catalog;
import privrec.core.Item;

class TitleSearchTest {
    @Test
    void foldingDropsCaseAccentsAndLigatures() {
        assertEquals("amelie", TitleSearch.fold("AMÉLIE"));
        assertEquals("cite des enfants", TitleSearch.fold("Cité des Enfants"));
        assertEquals("aeon flux", TitleSearch.fold("Æon Flux"));
        assertEquals("strasse", TitleSearch.fold("Straße"));
        assertEquals("amelie", TitleSearch.fold("Ame\u0301lie"), "decomposed accents too");
    }

    @Test
    void markupInTitlesIsJustText() {
        Catalog catalog = new Catalog(List.of(new Item(0, 1, "<img src=x onerror=alert(1)>", 2000, 1, 5)));
        assertEquals(1, new TitleSearch(catalog).find("<IMG", 10).size());
    }

    @Test
    void resultsAreCappedAndBlankQueriesFindNothing() {
        TitleSearch search = new TitleSearch(Fixtures.catalog());
        assertEquals(1, search.find("e", 1).size());
        assertTrue(search.find("", 10).isEmpty());
        assertTrue(search.find("zzz", 10).isEmpty());
    }

    @Test
    void searchesEveryTitleAcrossSlicesOnceEach() {
        List<Item> items = new java.util.ArrayList<>();
        int n = 2 * TitleSearch.FOLD_SLICE + 7;
        for (int i = 0; i < n; i++) {
            String title = i % 1000 == 999 ? "Amélie amelie " + i : "Movie " + i;
            items.add(new Item(i, i + 1, title, 2000, 1, i));
        }
        int[] pauses = {0};
        TitleSearch search = new TitleSearch(new Catalog(items), () -> pauses[0]++);

        assertEquals(0, pauses[0], "nothing is folded before the index is asked for");
        List<Item> hits = search.findAll("AMELIE");
        assertEquals(2, pauses[0], "the first search built the index, with a pause between slices");
        search.index();
        assertEquals(2, pauses[0], "built once");
        // 999, 1999 (the last title of slice 0) and 2999, 3999: each once though it matches twice.
        assertEquals(List.of(3999, 2999, 1999, 999), hits.stream().map(Item::index).toList());
        assertEquals(List.of(TitleSearch.FOLD_SLICE), search.findAll("movie " + TitleSearch.FOLD_SLICE).stream()
                .map(Item::index).toList(), "the first title of slice 1");
        assertEquals(List.of(n - 1), search.findAll("movie " + (n - 1)).stream().map(Item::index).toList());
        assertTrue(search.findAll("\u0000").isEmpty(), "the separator is never found");
    }
}
