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
}
