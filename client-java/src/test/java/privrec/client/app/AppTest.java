package privrec.client.app;

import privrec.client.ui.ErrorMessages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import privrec.client.vault.RatedMovie;
import privrec.client.vault.VaultException;
import privrec.core.Catalog;
import privrec.core.Genres;
import privrec.core.Item;
import privrec.core.Profile;

class AppTest {
    private final InMemoryVaults vaults = new InMemoryVaults();
    private final double[] now = {1_700_000_000_000.0};
    private final List<NetworkLog.Request> requests = new ArrayList<>();
    private App app;
    private int changes;

    @BeforeEach
    void setUp() {
        app = new App(vaults, () -> now[0], () -> requests);
        app.setListener(() -> changes++);
        Catalog catalog = Fixtures.catalog();
        app.modelReady(null, catalog, Fixtures.scorer(catalog), null);
    }

    private static List<Integer> ids(List<RecCard> cards) {
        List<Integer> ids = new ArrayList<>();
        for (RecCard card : cards) {
            ids.add(card.movieId());
        }
        return ids;
    }

    @Test
    void startsLockedAndCreatingOpensTheProfile() {
        assertEquals(AppState.LOCKED, app.state());
        app.session().create("ana", "long enough", "long enough");
        assertEquals(AppState.READY, app.state());
        assertEquals("ana", app.profileName());
        assertTrue(app.settings().needsOnboarding());
        assertEquals(List.of("ana"), app.session().profileNames());
    }

    @Test
    void stateIsLoadingUntilTheModelArrives() {
        App fresh = new App(vaults, () -> now[0], () -> requests);
        fresh.session().create("ana", "long enough", "long enough");
        assertEquals(AppState.LOADING, fresh.state());
        assertTrue(fresh.queries().recommendations().isEmpty());
        fresh.modelFailed("The model could not be downloaded.");
        assertEquals(AppState.ERROR, fresh.state());
        assertEquals("The model could not be downloaded.", fresh.model().message());
    }

    @Test
    void ratingRemovesTheMovieFromRecommendationsAndReranksAtOnce() {
        app.session().create("ana", "long enough", "long enough");
        assertEquals(List.of(TOY_STORY, ALIEN, ALIENS, HEAT, AMELIE, CITY), ids(app.queries().recommendations()));

        String status = app.edits().rate(ALIEN, 5);

        assertEquals("Rated Alien (1979) 5 stars.", status);
        // Sci-Fi neighbours of Alien jump up; Alien itself is never recommended once rated.
        assertEquals(List.of(ALIENS, CITY, TOY_STORY, HEAT, AMELIE), ids(app.queries().recommendations()));
        RecCard top = app.queries().recommendations().get(0);
        assertEquals("Because you liked Alien", top.reason());
        assertEquals(1.0, top.match(), 1e-9);
        assertEquals(5f, app.queries().starsOf(ALIEN));
        assertTrue(app.settings().needsOnboarding(), "onboarding stays until the user is done");
        app.settings().finishOnboarding();
        assertFalse(app.settings().needsOnboarding());
        app.session().lock();
        app.session().unlock("ana", "long enough");
        assertFalse(app.settings().needsOnboarding(), "a profile with ratings skips onboarding");
    }

    @Test
    void rankedListFirstThenReasonsGivesTheSameCards() {
        app.session().create("ana", "long enough", "long enough");
        app.edits().rate(ALIEN, 5);
        app.edits().rate(HEAT, 4);
        List<RecCard> full = app.queries().recommendations();
        RankedList ranked = app.queries().rankRecommendations();
        assertEquals(ids(full), ids(ranked.cards()));
        assertTrue(ranked.needsReasons());
        for (RecCard card : ranked.cards()) {
            assertTrue(card.reasonPending(), "no reason before explain: " + card);
        }
        List<RecCard> explained = app.queries().explain(ranked);
        assertEquals(full, explained, "same scores, matches and reasons as recommendations()");
        assertFalse(explained.get(0).reasonPending());
    }

    @Test
    void reasonsForAStaleListAreDropped() {
        app.session().create("ana", "long enough", "long enough");
        app.edits().rate(ALIEN, 5);
        RankedList before = app.queries().rankRecommendations();
        app.edits().rate(HEAT, 5);
        assertNull(app.queries().explain(before), "the data changed since this list was ranked");
        RankedList current = app.queries().rankRecommendations();
        app.session().lock();
        assertNull(app.queries().explain(current), "locked: nothing of the profile is computed any more");
        app.session().unlock("ana", "long enough");
        assertNull(app.queries().explain(current), "another session");
        assertTrue(app.queries().explain(app.queries().rankRecommendations()).get(0).reason().startsWith("Because you liked"));
    }

    @Test
    void skippedOnboardingIsRememberedAcrossUnlocks() {
        app.session().create("ana", "long enough", "long enough");
        assertTrue(app.settings().needsOnboarding());
        app.settings().finishOnboarding(); // skipped: no rating, no profile
        assertFalse(app.settings().needsOnboarding());
        app.session().lock();
        app.session().unlock("ana", "long enough");
        assertFalse(app.settings().needsOnboarding(), "onboarding is not offered again after unlocking");
        app.session().lock();
        app.session().create("ben", "other secret", "other secret");
        assertTrue(app.settings().needsOnboarding(), "another profile still gets it");
    }

    @Test
    void finishingOnboardingKeepsTheUndoOfTheLastRating() {
        app.session().create("ana", "long enough", "long enough");
        app.edits().rate(HEAT, 4);
        app.settings().finishOnboarding();
        assertEquals("Rated Heat (1995) 4 stars", app.edits().undoLabel());
    }

    @Test
    void lowRatingExcludesButDoesNotBoostNeighbours() {
        app.session().create("ana", "long enough", "long enough");
        app.edits().rate(ALIEN, 2);
        assertEquals(List.of(TOY_STORY, ALIENS, HEAT, AMELIE, CITY), ids(app.queries().recommendations()));
    }

    @Test
    void notInterestedHidesTheMovie() {
        app.session().create("ana", "long enough", "long enough");
        assertEquals("Marked Toy Story (1995) as not interested.", app.edits().dismiss(TOY_STORY));
        assertFalse(ids(app.queries().recommendations()).contains(TOY_STORY));
        assertTrue(app.queries().isDismissed(TOY_STORY));
    }

    @Test
    void undoRevertsTheLastActionOnly() {
        app.session().create("ana", "long enough", "long enough");
        app.edits().rate(HEAT, 3);
        app.edits().rate(HEAT, 5);
        assertEquals("Rated Heat (1995) 5 stars", app.edits().undoLabel());
        assertEquals("Undone: Rated Heat (1995) 5 stars.", app.edits().undo());
        assertEquals(3f, app.queries().starsOf(HEAT)); // back to the previous rating, not to "unrated"
        assertNull(app.edits().undoLabel());
        assertEquals("Nothing to undo.", app.edits().undo());

        app.edits().dismiss(AMELIE);
        app.edits().undo();
        assertFalse(app.queries().isDismissed(AMELIE));
        assertTrue(ids(app.queries().recommendations()).contains(AMELIE));
    }

    @Test
    void removingARatingCanBeUndoneWithItsOriginalTime() {
        app.session().create("ana", "long enough", "long enough");
        app.edits().rate(HEAT, 4);
        now[0] += 5000;
        app.edits().removeRating(HEAT);
        assertEquals(0f, app.queries().starsOf(HEAT));
        app.edits().undo();
        assertEquals(1, app.queries().ratings(Queries.RatingOrder.NEWEST).size());
        assertEquals(4f, app.queries().ratings(Queries.RatingOrder.NEWEST).get(0).stars());
        RatedMovie stored = vaults.stored.get("ana").contents.findRating(HEAT);
        assertEquals(1_700_000_000_000.0, stored.ratedAtMillis());
    }

    @Test
    void genreFilterIsAppliedAndRemembered() {
        app.session().create("ana", "long enough", "long enough");
        app.settings().setGenreFilter(Genres.indexOf("Sci-Fi"));
        assertEquals(List.of(ALIEN, ALIENS, CITY), ids(app.queries().recommendations()));
        app.session().lock();
        app.session().unlock("ana", "long enough");
        assertEquals(Genres.indexOf("Sci-Fi"), app.settings().genreFilter());
        app.settings().setGenreFilter(-1);
        assertEquals(6, app.queries().recommendations().size());
    }

    @Test
    void searchIgnoresCaseAndAccents() {
        app.session().create("ana", "long enough", "long enough");
        assertEquals(List.of(AMELIE), itemIds(app.queries().search("AMELIE", 50).shown()));
        assertEquals(List.of(CITY), itemIds(app.queries().search("cite des", 50).shown()));
        assertEquals(List.of(ALIEN, ALIENS), itemIds(app.queries().search("alien", 50).shown())); // most popular first
        assertTrue(app.queries().search("   ", 50).shown().isEmpty());
    }

    private static List<Integer> itemIds(List<Item> items) {
        List<Integer> ids = new ArrayList<>();
        for (Item item : items) {
            ids.add(item.id());
        }
        return ids;
    }

    @Test
    void onboardingOffersTheMostPopularUnratedMovies() {
        app.session().create("ana", "long enough", "long enough");
        assertEquals(List.of(TOY_STORY, ALIEN, ALIENS), itemIds(app.queries().onboardingCandidates(3)));
        app.edits().rate(TOY_STORY, 4);
        assertEquals(List.of(ALIEN, ALIENS, HEAT), itemIds(app.queries().onboardingCandidates(3)));
    }

    @Test
    void profileIsSavedAndUndoable() {
        app.session().create("ana", "long enough", "long enough");
        app.edits().saveProfile(new Profile(31, "F", "engineer"));
        assertEquals("engineer", app.queries().profile().occupation());
        assertEquals("Popular with people of your profile", app.queries().recommendations().get(0).reason());
        app.edits().undo();
        assertTrue(app.queries().profile().isEmpty());
    }

    @Test
    void autoLockDropsTheVaultAndPlaintextAfterInactivity() {
        app.session().create("ana", "long enough", "long enough");
        app.edits().rate(HEAT, 4);
        InMemoryVaults.Stored stored = vaults.stored.get("ana");
        now[0] += (AutoLock.DEFAULT_MINUTES - 1) * 60_000.0;
        assertFalse(app.session().lockIfIdle());
        app.session().activity();
        now[0] += (AutoLock.DEFAULT_MINUTES - 1) * 60_000.0;
        assertFalse(app.session().lockIfIdle()); // activity postponed it
        now[0] += 2 * 60_000.0;
        assertTrue(app.session().lockIfIdle());

        assertEquals(AppState.LOCKED, app.state());
        assertNull(app.profileName());
        assertNull(app.edits().undoLabel());
        assertEquals(0f, app.queries().starsOf(HEAT));
        assertThrows(UserError.class, app.queries()::recommendations);
        assertTrue(stored.listeners.isEmpty(), "the vault was locked (key dropped)");
        app.session().unlock("ana", "long enough");
        assertEquals(4f, app.queries().starsOf(HEAT));
    }

    @Test
    void autoLockDelayIsASetting() {
        app.session().create("ana", "long enough", "long enough");
        app.settings().setAutoLockMinutes(2);
        app.session().lock();
        app.session().unlock("ana", "long enough");
        assertEquals(2, app.settings().autoLockMinutes());
        now[0] += 2 * 60_000.0;
        assertTrue(app.session().lockIfIdle());
    }

    @Test
    void conflictWithAnotherTabReloadsAndReappliesTheAction() {
        app.session().create("ana", "long enough", "long enough");
        app.edits().rate(HEAT, 4);
        // The other tab writes without this tab hearing about it yet (storage event still queued).
        InMemoryVaults.Stored stored = vaults.stored.get("ana");
        stored.contents = stored.contents.withDismissed(TOY_STORY);
        stored.revision++;

        app.edits().rate(ALIEN, 5);

        assertEquals(4f, stored.contents.findRating(HEAT).stars());
        assertEquals(5f, stored.contents.findRating(ALIEN).stars());
        assertTrue(stored.contents.dismissed().contains(TOY_STORY), "the other tab's change survived");
        assertTrue(app.queries().isDismissed(TOY_STORY));
    }

    @Test
    void externalChangeRefreshesTheView() {
        app.session().create("ana", "long enough", "long enough");
        int before = changes;
        vaults.saveFromOtherTab("ana", c -> c.withRating(new RatedMovie(CITY, 5, 1)));
        assertEquals(5f, app.queries().starsOf(CITY));
        assertTrue(changes > before);
    }

    @Test
    void deletionInAnotherTabLocksThisOne() {
        app.session().create("ana", "long enough", "long enough");
        vaults.deleteFromOtherTab("ana");
        assertEquals(AppState.LOCKED, app.state());
        assertNull(app.profileName());
    }

    @Test
    void externalChangesRunOnTheBackgroundHook() {
        List<Runnable> queued = new ArrayList<>();
        app.setBackground(queued::add);
        app.session().create("ana", "long enough", "long enough");
        vaults.saveFromOtherTab("ana", c -> c.withDismissed(HEAT));
        assertFalse(app.queries().isDismissed(HEAT), "nothing blocking ran inside the storage event");
        queued.forEach(Runnable::run);
        assertTrue(app.queries().isDismissed(HEAT));
    }

    @Test
    void aSecondUserSeesNothingOfTheFirst() {
        app.session().create("ana", "long enough", "long enough");
        app.edits().rate(HEAT, 5);
        app.edits().saveProfile(new Profile(40, "M", null));
        app.settings().setGenreFilter(Genres.indexOf("Action"));
        app.session().lock();
        app.session().create("ben", "other secret", "other secret");
        assertTrue(app.queries().ratings(Queries.RatingOrder.NEWEST).isEmpty());
        assertTrue(app.queries().profile().isEmpty());
        assertEquals(-1, app.settings().genreFilter());
        assertNull(app.edits().undoLabel());
        assertEquals(6, app.queries().recommendations().size());
        assertEquals(List.of("ana", "ben"), app.session().profileNames());
    }

    @Test
    void wrongPasswordSaysSoAndKeepsEverythingLocked() {
        app.session().create("ana", "long enough", "long enough");
        app.edits().rate(HEAT, 4);
        app.session().lock();
        VaultException e = assertThrows(VaultException.class, () -> app.session().unlock("ana", "wrong password"));
        assertEquals("Wrong password. Nothing was changed.", ErrorMessages.sentence(e));
        assertEquals(AppState.LOCKED, app.state());
        app.session().unlock("ana", "long enough");
        assertEquals(4f, app.queries().starsOf(HEAT));
    }

    @Test
    void createNeedsTheSamePasswordTwice() {
        UserError e = assertThrows(UserError.class, () -> app.session().create("ana", "long enough", "long enuogh"));
        assertEquals("The two passwords differ. Please type the same password twice.", ErrorMessages.sentence(e));
        assertTrue(app.session().profileNames().isEmpty());
    }

    @Test
    void quotaExceededKeepsThePreviousData() {
        app.session().create("ana", "long enough", "long enough");
        app.edits().rate(HEAT, 4);
        vaults.failNextSave = new VaultException(VaultException.Kind.QUOTA_EXCEEDED, "");
        VaultException e = assertThrows(VaultException.class, () -> app.edits().rate(ALIEN, 5));
        assertTrue(ErrorMessages.sentence(e).startsWith("The browser's storage for this site is full"));
        assertEquals(0f, app.queries().starsOf(ALIEN));
        assertEquals("Rated Heat (1995) 4 stars", app.edits().undoLabel(), "undo still refers to the last saved action");
    }

    @Test
    void privacyReportShowsTheDecryptedDataAndEveryRequest() {
        requests.add(new NetworkLog.Request("http://127.0.0.1:8080/", "navigation"));
        requests.add(new NetworkLog.Request("http://127.0.0.1:8080/models/manifest.json", "fetch"));
        app.session().create("ana", "long enough", "long enough");
        app.edits().saveProfile(new Profile(31, null, "engineer"));
        app.edits().rate(HEAT, 4);
        app.edits().dismiss(TOY_STORY);

        PrivacyReport report = app.queries().privacy();

        assertEquals(List.of("Age: 31", "Occupation: engineer"), report.profileLines());
        assertEquals(List.of("Heat (1995): 4 stars"), report.ratingLines());
        assertEquals(List.of("Toy Story (1995)"), report.dismissedLines());
        assertTrue(report.json().contains("\"movie\": 2"), report.json());
        assertTrue(report.json().contains("\"at\": \"1700000000000\""), report.json());
        assertEquals(2, report.requests().size());
        assertTrue(report.storedBytes() > 0);
    }

    @Test
    void deleteRemovesOnlyTheOpenProfile() {
        app.session().create("ana", "long enough", "long enough");
        app.session().lock();
        app.session().create("ben", "other secret", "other secret");
        app.session().deleteOpenProfile();
        assertEquals(AppState.LOCKED, app.state());
        assertEquals(List.of("ana"), app.session().profileNames());
    }

    @Test
    void changePasswordNeedsTheNewOneTwice() {
        app.session().create("ana", "long enough", "long enough");
        assertThrows(UserError.class, () -> app.session().changePassword("long enough", "new secret", "new secrex"));
        app.session().changePassword("long enough", "new secret", "new secret");
        app.session().lock();
        app.session().unlock("ana", "new secret");
        assertEquals("ana", app.profileName());
    }

    @Test
    void corruptedProfileCanBeExportedRawAndReset() {
        app.session().create("ana", "long enough", "long enough");
        app.session().lock();
        vaults.stored.get("ana").corrupted = true;
        VaultException e = assertThrows(VaultException.class, () -> app.session().unlock("ana", "long enough"));
        assertEquals(VaultException.Kind.CORRUPTED, e.kind());
        assertEquals("raw:ana", app.session().exportRaw("ana"));
        app.session().resetProfile("ana");
        assertFalse(app.session().profileExists("ana"));
    }

    @Test
    void importedBackupOpensUnderItsName() {
        app.session().importBackup("backup:carla", "long enough", null);
        assertEquals("carla", app.profileName());
        assertThrows(UserError.class, () -> app.session().importBackup(" ", "x", null));
    }
}
