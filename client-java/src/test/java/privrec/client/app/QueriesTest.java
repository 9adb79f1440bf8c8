package privrec.client.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static privrec.client.app.Fixtures.ALIEN;
import static privrec.client.app.Fixtures.ALIENS;
import static privrec.client.app.Fixtures.AMELIE;
import static privrec.client.app.Fixtures.CITY;
import static privrec.client.app.Fixtures.HEAT;
import static privrec.client.app.Fixtures.TOY_STORY;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import privrec.core.Catalog;
import privrec.core.Genres;
import privrec.core.Item;

/** Browsing, the movie page's "more like this", half stars, sorted ratings and the "Not interested" list. */
class QueriesTest {
    private final double[] now = {1_700_000_000_000.0};
    private App app;

    @BeforeEach
    void setUp() {
        app = new App(new InMemoryVaults(), () -> now[0], ArrayList::new);
        Catalog catalog = Fixtures.catalog();
        app.modelReady(null, catalog, Fixtures.scorer(catalog), null);
        app.session().create("ana", "long enough", "long enough");
    }

    private static List<Integer> ids(List<Item> items) {
        return items.stream().map(Item::id).toList();
    }

    @Test
    void browseFiltersByAnyOfTheGenresAndAYearRangeAndSorts() {
        Set<Integer> comedyOrHorror = Set.of(Genres.indexOf("Comedy"), Genres.indexOf("Horror"));
        Browse.Page byYear = app.queries().browse(new Browse(comedyOrHorror, 0, 0, Browse.Sort.YEAR, 0));
        assertEquals(List.of(AMELIE, TOY_STORY, ALIEN), ids(byYear.items()));
        assertEquals(3, byYear.total());
        assertEquals(List.of(ALIEN, AMELIE, TOY_STORY),
                ids(app.queries().browse(new Browse(comedyOrHorror, 0, 0, Browse.Sort.TITLE, 0)).items()));
        assertEquals(List.of(TOY_STORY, ALIEN, AMELIE),
                ids(app.queries().browse(new Browse(comedyOrHorror, 0, 0, Browse.Sort.POPULARITY, 0)).items()));
        assertEquals(List.of(TOY_STORY, HEAT, CITY),
                ids(app.queries().browse(new Browse(Set.of(), 1990, 1999, Browse.Sort.POPULARITY, 0)).items()));
        assertThrows(UserError.class, () -> new Browse(Set.of(), 2000, 1990, Browse.Sort.YEAR, 0));
    }

    @Test
    void browseByMatchUsesTheModelForTheOpenProfile() {
        app.edits().rate(ALIEN, 5);
        // Scorer: popularity / 100, +1 per liked movie sharing a genre: Sci-Fi movies first.
        List<Integer> order = ids(app.queries().browse(new Browse(Set.of(), 0, 0, Browse.Sort.MATCH, 0)).items());
        assertEquals(List.of(ALIEN, ALIENS, CITY, TOY_STORY, HEAT, AMELIE), order);
    }

    @Test
    void moreLikeThisIsTheTopOfTheMoviesOwnRowWithoutIt() {
        MovieDetails alien = app.queries().movie(ALIEN);
        assertEquals(ALIEN, alien.item().id());
        List<Integer> similar = ids(alien.moreLikeThis());
        assertFalse(similar.contains(ALIEN));
        assertEquals(List.of(ALIENS, CITY, TOY_STORY, HEAT, AMELIE), similar);
        assertEquals(null, app.queries().movie(999));
    }

    @Test
    void halfStarsAreStoredAndOthersRefused() {
        app.edits().rate(HEAT, 3.5f);
        assertEquals(3.5f, app.queries().starsOf(HEAT));
        assertEquals("Rated Heat (1995) 3.5 stars", app.edits().undoLabel());
        app.edits().rate(HEAT, 0.5f);
        assertEquals(0.5f, app.queries().starsOf(HEAT));
        assertThrows(UserError.class, () -> app.edits().rate(HEAT, 3.3f));
        assertThrows(UserError.class, () -> app.edits().rate(HEAT, 0f));
        assertThrows(UserError.class, () -> app.edits().rate(HEAT, 5.5f));
        app.session().lock();
        app.session().unlock("ana", "long enough");
        assertEquals(0.5f, app.queries().starsOf(HEAT), "kept in the vault");
    }

    @Test
    void ratingsSortByDateTitleAndStars() {
        app.edits().rate(HEAT, 3f);
        now[0] += 1000;
        app.edits().rate(AMELIE, 4.5f);
        now[0] += 1000;
        app.edits().rate(ALIEN, 2f);
        assertEquals(List.of(ALIEN, AMELIE, HEAT), rowIds(Queries.RatingOrder.NEWEST));
        assertEquals(List.of(ALIEN, HEAT, AMELIE), rowIds(Queries.RatingOrder.TITLE));
        assertEquals(List.of(AMELIE, HEAT, ALIEN), rowIds(Queries.RatingOrder.STARS));
    }

    private List<Integer> rowIds(Queries.RatingOrder order) {
        return app.queries().ratings(order).stream().map(RatingRow::movieId).toList();
    }

    @Test
    void notInterestedCanBeUndoneForAnyMovieLater() {
        app.edits().dismiss(HEAT);
        app.edits().dismiss(ALIEN);
        app.edits().rate(TOY_STORY, 4f); // the Undo bar now offers the rating, not the dismissals
        assertEquals(List.of(ALIEN, HEAT), ids(app.queries().notInterested()));
        assertEquals("Put Heat (1995) back into recommendations.", app.edits().restore(HEAT));
        assertEquals(List.of(ALIEN), ids(app.queries().notInterested()));
        assertTrue(ids(app.queries().recommendations().stream()
                .map(c -> app.model().catalog().byId(c.movieId())).toList()).contains(HEAT));
        app.edits().undo();
        assertEquals(List.of(HEAT, ALIEN), ids(app.queries().notInterested()), "the restore itself can be undone");
    }

    @Test
    void searchCountsEveryMatchAndShowsThemInPages() {
        SearchResults first = app.queries().search("a", 2);
        assertEquals(2, first.shown().size());
        assertEquals(5, first.total(), "Heat, Amélie, Alien, Cité des enfants, Aliens");
        assertTrue(first.hasMore());
        assertFalse(app.queries().search("a", 50).hasMore());
    }
}
