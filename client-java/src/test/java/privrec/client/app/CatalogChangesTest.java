package privrec.client.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static privrec.client.app.Fixtures.ALIEN;
import static privrec.client.app.Fixtures.ALIENS;
import static privrec.client.app.Fixtures.HEAT;
import static privrec.client.app.Fixtures.TOY_STORY;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import privrec.client.vault.RatedMovie;
import privrec.core.Catalog;
import privrec.core.Item;

/**
 * A model update may drop a movie from the catalog or withdraw it (its column stays): the user's rating of it is
 * kept, named by the title stored when it was rated, and it is never offered again.
 */
class CatalogChangesTest {
    private final double[] now = {1_700_000_000_000.0};
    private final InMemoryVaults vaults = new InMemoryVaults();
    private App app;

    @BeforeEach
    void setUp() {
        app = new App(vaults, () -> now[0], ArrayList::new);
        Catalog catalog = Fixtures.catalog();
        app.modelReady(null, catalog, Fixtures.scorer(catalog), null);
        app.session().create("ana", "long enough", "long enough");
    }

    /** The fixture catalog without Alien (the columns after it shift down). */
    private static Catalog withoutAlien() {
        List<Item> items = new ArrayList<>();
        for (Item item : Fixtures.catalog().items()) {
            if (item.id() != ALIEN) {
                items.add(new Item(items.size(), item.id(), item.title(), item.year(), item.genreMask(),
                        item.popularity()));
            }
        }
        return new Catalog(items);
    }

    private RatingRow row(int movieId) {
        return app.queries().ratings(Queries.RatingOrder.NEWEST).stream().filter(r -> r.movieId() == movieId)
                .findFirst().orElseThrow();
    }

    /** What the vault holds for the movie. */
    private RatedMovie stored(int movieId) {
        return vaults.stored.get("ana").contents.findRating(movieId);
    }

    private static List<Integer> ids(List<Item> items) {
        return items.stream().map(Item::id).toList();
    }

    @Test
    void aRatingStoresTheTitleItWasGiven() {
        app.edits().rate(ALIEN, 4f);
        RatedMovie stored = stored(ALIEN);
        assertEquals("Alien", stored.title());
        assertEquals(1979, stored.year());
    }

    @Test
    void aMovieTheNewCatalogLacksKeepsItsRatingAndStoredTitle() {
        app.edits().rate(ALIEN, 4f);
        app.edits().rate(HEAT, 3f);
        Catalog next = withoutAlien();
        app.modelReady(null, next, Fixtures.scorer(next), null);

        RatingRow gone = row(ALIEN);
        assertFalse(gone.offered());
        assertEquals("Alien (1979) — not in the current catalog", gone.displayTitle());
        assertEquals(4f, gone.stars());
        assertTrue(row(HEAT).offered());
        assertEquals("Heat", row(HEAT).displayTitle());
        assertEquals(2, app.queries().ratings(Queries.RatingOrder.TITLE).size(), "every rating is listed");
        assertTrue(app.queries().privacy().ratingLines().contains("Alien (1979) — not in the current catalog: 4 stars"));
        assertNull(app.queries().movie(ALIEN));
        // Re-rating it keeps the stored title although the catalog no longer has one.
        app.edits().rate(ALIEN, 2f);
        assertEquals("Alien", stored(ALIEN).title());
        assertEquals("Removed your rating of Alien (1979) — not in the current catalog.",
                app.edits().removeRating(ALIEN));
    }

    @Test
    void aWithdrawnMovieIsNeverOfferedButItsRatingStillFeedsTheModel() {
        app.edits().rate(ALIEN, 5f);
        Catalog catalog = Fixtures.catalog();
        float[] before = app.model().recommender().scores(vaults.stored.get("ana").contents.coreRatings(),
                app.queries().profile());
        app.modelReady(null, catalog, Fixtures.scorer(catalog), Set.of(ALIENS, ALIEN), null, () -> {
        });

        List<Integer> recommended = app.queries().recommendations().stream().map(RecCard::movieId).toList();
        assertFalse(recommended.contains(ALIENS), "withdrawn, so never recommended");
        assertFalse(recommended.isEmpty());
        assertFalse(ids(app.queries().browse(new Browse(Set.of(), 0, 0, Browse.Sort.MATCH, 0)).items())
                .contains(ALIENS));
        assertEquals(List.of(), ids(app.queries().search("aliens", 50).shown()));
        assertFalse(ids(app.queries().onboardingCandidates(10)).contains(ALIENS));
        assertNull(app.queries().movie(ALIENS));
        assertFalse(ids(app.queries().movie(TOY_STORY).moreLikeThis()).contains(ALIENS));

        RatingRow alien = row(ALIEN);
        assertFalse(alien.offered());
        assertEquals("Alien (1979) — not in the current catalog", alien.displayTitle());
        // The history row still holds the rating: Sci-Fi movies still score +1 for it.
        float[] after = app.model().recommender().scores(vaults.stored.get("ana").contents.coreRatings(),
                app.queries().profile());
        assertEquals(before[catalog.indexOf(Fixtures.CITY)], after[catalog.indexOf(Fixtures.CITY)]);
        assertNotEquals(Fixtures.catalog().get(catalog.indexOf(Fixtures.CITY)).popularity() / 100f,
                after[catalog.indexOf(Fixtures.CITY)]);
    }

    @Test
    void ratingsFromBeforeTitlesWereStoredGetThemOnTheNextEditAndStayReadableWithout() {
        vaults.saveFromOtherTab("ana", c -> c.withRating(new RatedMovie(ALIEN, 4f, 1))
                .withRating(new RatedMovie(999, 3f, 2)));
        assertNull(stored(ALIEN).title());
        assertEquals("Movie #999 — not in the current catalog", row(999).displayTitle(),
                "an untitled rating of a movie no catalog has: its id is all there is");

        app.edits().rate(TOY_STORY, 5f);
        assertEquals("Alien", stored(ALIEN).title(),
                "filled in from the catalog, so it survives the movie leaving it");
        assertNull(stored(999).title());
    }
}
