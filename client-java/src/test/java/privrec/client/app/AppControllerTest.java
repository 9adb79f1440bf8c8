package privrec.client.app;

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

class AppControllerTest {
    private final InMemoryVaults vaults = new InMemoryVaults();
    private final double[] now = {1_700_000_000_000.0};
    private final List<NetworkLog.Request> requests = new ArrayList<>();
    private AppController app;
    private int changes;

    @BeforeEach
    void setUp() {
        app = new AppController(vaults, () -> now[0], () -> requests);
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
        app.create("ana", "long enough", "long enough");
        assertEquals(AppState.READY, app.state());
        assertEquals("ana", app.profileName());
        assertTrue(app.needsOnboarding());
        assertEquals(List.of("ana"), app.profileNames());
    }

    @Test
    void stateIsLoadingUntilTheModelArrives() {
        AppController fresh = new AppController(vaults, () -> now[0], () -> requests);
        fresh.create("ana", "long enough", "long enough");
        assertEquals(AppState.LOADING, fresh.state());
        assertTrue(fresh.recommendations().isEmpty());
        fresh.modelFailed("The model could not be downloaded.");
        assertEquals(AppState.ERROR, fresh.state());
        assertEquals("The model could not be downloaded.", fresh.model().message());
    }

    @Test
    void ratingRemovesTheMovieFromRecommendationsAndReranksAtOnce() {
        app.create("ana", "long enough", "long enough");
        assertEquals(List.of(TOY_STORY, ALIEN, ALIENS, HEAT, AMELIE, CITY), ids(app.recommendations()));

        String status = app.rate(ALIEN, 5);

        assertEquals("Rated Alien (1979) 5 stars.", status);
        // Sci-Fi neighbours of Alien jump up; Alien itself is never recommended once rated.
        assertEquals(List.of(ALIENS, CITY, TOY_STORY, HEAT, AMELIE), ids(app.recommendations()));
        RecCard top = app.recommendations().get(0);
        assertEquals("Because you liked Alien", top.reason());
        assertEquals(1.0, top.match(), 1e-9);
        assertEquals(5f, app.starsOf(ALIEN));
        assertTrue(app.needsOnboarding(), "onboarding stays until the user is done");
        app.finishOnboarding();
        assertFalse(app.needsOnboarding());
        app.lock();
        app.unlock("ana", "long enough");
        assertFalse(app.needsOnboarding(), "a profile with ratings skips onboarding");
    }

    @Test
    void rankedListFirstThenReasonsGivesTheSameCards() {
        app.create("ana", "long enough", "long enough");
        app.rate(ALIEN, 5);
        app.rate(HEAT, 4);
        List<RecCard> full = app.recommendations();
        RankedList ranked = app.rankRecommendations();
        assertEquals(ids(full), ids(ranked.cards()));
        assertTrue(ranked.needsReasons());
        for (RecCard card : ranked.cards()) {
            assertTrue(card.reasonPending(), "no reason before explain: " + card);
        }
        List<RecCard> explained = app.explain(ranked);
        assertEquals(full, explained, "same scores, matches and reasons as recommendations()");
        assertFalse(explained.get(0).reasonPending());
    }

    @Test
    void reasonsForAStaleListAreDropped() {
        app.create("ana", "long enough", "long enough");
        app.rate(ALIEN, 5);
        RankedList before = app.rankRecommendations();
        app.rate(HEAT, 5);
        assertNull(app.explain(before), "the data changed since this list was ranked");
        RankedList current = app.rankRecommendations();
        app.lock();
        assertNull(app.explain(current), "locked: nothing of the profile is computed any more");
        app.unlock("ana", "long enough");
        assertNull(app.explain(current), "another session");
        assertTrue(app.explain(app.rankRecommendations()).get(0).reason().startsWith("Because you liked"));
    }

    @Test
    void skippedOnboardingIsRememberedAcrossUnlocks() {
        app.create("ana", "long enough", "long enough");
        assertTrue(app.needsOnboarding());
        app.finishOnboarding(); // skipped: no rating, no profile
        assertFalse(app.needsOnboarding());
        app.lock();
        app.unlock("ana", "long enough");
        assertFalse(app.needsOnboarding(), "onboarding is not offered again after unlocking");
        app.lock();
        app.create("ben", "other secret", "other secret");
        assertTrue(app.needsOnboarding(), "another profile still gets it");
    }

    @Test
    void finishingOnboardingKeepsTheUndoOfTheLastRating() {
        app.create("ana", "long enough", "long enough");
        app.rate(HEAT, 4);
        app.finishOnboarding();
        assertEquals("Rated Heat (1995) 4 stars", app.undoLabel());
    }

    @Test
    void lowRatingExcludesButDoesNotBoostNeighbours() {
        app.create("ana", "long enough", "long enough");
        app.rate(ALIEN, 2);
        assertEquals(List.of(TOY_STORY, ALIENS, HEAT, AMELIE, CITY), ids(app.recommendations()));
    }

    @Test
    void notInterestedHidesTheMovie() {
        app.create("ana", "long enough", "long enough");
        assertEquals("Marked Toy Story (1995) as not interested.", app.dismiss(TOY_STORY));
        assertFalse(ids(app.recommendations()).contains(TOY_STORY));
        assertTrue(app.isDismissed(TOY_STORY));
    }

    @Test
    void undoRevertsTheLastActionOnly() {
        app.create("ana", "long enough", "long enough");
        app.rate(HEAT, 3);
        app.rate(HEAT, 5);
        assertEquals("Rated Heat (1995) 5 stars", app.undoLabel());
        assertEquals("Undone: Rated Heat (1995) 5 stars.", app.undo());
        assertEquals(3f, app.starsOf(HEAT)); // back to the previous rating, not to "unrated"
        assertNull(app.undoLabel());
        assertEquals("Nothing to undo.", app.undo());

        app.dismiss(AMELIE);
        app.undo();
        assertFalse(app.isDismissed(AMELIE));
        assertTrue(ids(app.recommendations()).contains(AMELIE));
    }

    @Test
    void removingARatingCanBeUndoneWithItsOriginalTime() {
        app.create("ana", "long enough", "long enough");
        app.rate(HEAT, 4);
        now[0] += 5000;
        app.removeRating(HEAT);
        assertEquals(0f, app.starsOf(HEAT));
        app.undo();
        assertEquals(1, app.ratings().size());
        assertEquals(4f, app.ratings().get(0).stars());
        RatedMovie stored = vaults.stored.get("ana").contents.findRating(HEAT);
        assertEquals(1_700_000_000_000.0, stored.ratedAtMillis());
    }

    @Test
    void genreFilterIsAppliedAndRemembered() {
        app.create("ana", "long enough", "long enough");
        app.setGenreFilter(Genres.indexOf("Sci-Fi"));
        assertEquals(List.of(ALIEN, ALIENS, CITY), ids(app.recommendations()));
        app.lock();
        app.unlock("ana", "long enough");
        assertEquals(Genres.indexOf("Sci-Fi"), app.genreFilter());
        app.setGenreFilter(-1);
        assertEquals(6, app.recommendations().size());
    }

    @Test
    void searchIgnoresCaseAndAccents() {
        app.create("ana", "long enough", "long enough");
        assertEquals(List.of(AMELIE), itemIds(app.search("AMELIE")));
        assertEquals(List.of(CITY), itemIds(app.search("cite des")));
        assertEquals(List.of(ALIEN, ALIENS), itemIds(app.search("alien"))); // most popular first
        assertTrue(app.search("   ").isEmpty());
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
        app.create("ana", "long enough", "long enough");
        assertEquals(List.of(TOY_STORY, ALIEN, ALIENS), itemIds(app.onboardingCandidates(3)));
        app.rate(TOY_STORY, 4);
        assertEquals(List.of(ALIEN, ALIENS, HEAT), itemIds(app.onboardingCandidates(3)));
    }

    @Test
    void profileIsSavedAndUndoable() {
        app.create("ana", "long enough", "long enough");
        app.saveProfile(new Profile(31, "F", "engineer"));
        assertEquals("engineer", app.profile().occupation());
        assertEquals("Popular with people of your profile", app.recommendations().get(0).reason());
        app.undo();
        assertTrue(app.profile().isEmpty());
    }

    @Test
    void autoLockDropsTheVaultAndPlaintextAfterInactivity() {
        app.create("ana", "long enough", "long enough");
        app.rate(HEAT, 4);
        InMemoryVaults.Stored stored = vaults.stored.get("ana");
        now[0] += (AutoLock.DEFAULT_MINUTES - 1) * 60_000.0;
        assertFalse(app.checkAutoLock());
        app.activity();
        now[0] += (AutoLock.DEFAULT_MINUTES - 1) * 60_000.0;
        assertFalse(app.checkAutoLock()); // activity postponed it
        now[0] += 2 * 60_000.0;
        assertTrue(app.checkAutoLock());

        assertEquals(AppState.LOCKED, app.state());
        assertNull(app.profileName());
        assertNull(app.undoLabel());
        assertEquals(0f, app.starsOf(HEAT));
        assertThrows(UserError.class, app::recommendations);
        assertTrue(stored.listeners.isEmpty(), "the vault was locked (key dropped)");
        app.unlock("ana", "long enough");
        assertEquals(4f, app.starsOf(HEAT));
    }

    @Test
    void autoLockDelayIsASetting() {
        app.create("ana", "long enough", "long enough");
        app.setAutoLockMinutes(2);
        app.lock();
        app.unlock("ana", "long enough");
        assertEquals(2, app.autoLockMinutes());
        now[0] += 2 * 60_000.0;
        assertTrue(app.checkAutoLock());
    }

    @Test
    void conflictWithAnotherTabReloadsAndReappliesTheAction() {
        app.create("ana", "long enough", "long enough");
        app.rate(HEAT, 4);
        // The other tab writes without this tab hearing about it yet (storage event still queued).
        InMemoryVaults.Stored stored = vaults.stored.get("ana");
        stored.contents = stored.contents.withDismissed(TOY_STORY);
        stored.revision++;

        app.rate(ALIEN, 5);

        assertEquals(4f, stored.contents.findRating(HEAT).stars());
        assertEquals(5f, stored.contents.findRating(ALIEN).stars());
        assertTrue(stored.contents.dismissed().contains(TOY_STORY), "the other tab's change survived");
        assertTrue(app.isDismissed(TOY_STORY));
    }

    @Test
    void externalChangeRefreshesTheView() {
        app.create("ana", "long enough", "long enough");
        int before = changes;
        vaults.saveFromOtherTab("ana", c -> c.withRating(new RatedMovie(CITY, 5, 1)));
        assertEquals(5f, app.starsOf(CITY));
        assertTrue(changes > before);
    }

    @Test
    void deletionInAnotherTabLocksThisOne() {
        app.create("ana", "long enough", "long enough");
        vaults.deleteFromOtherTab("ana");
        assertEquals(AppState.LOCKED, app.state());
        assertNull(app.profileName());
    }

    @Test
    void externalChangesRunOnTheBackgroundHook() {
        List<Runnable> queued = new ArrayList<>();
        app.setBackground(queued::add);
        app.create("ana", "long enough", "long enough");
        vaults.saveFromOtherTab("ana", c -> c.withDismissed(HEAT));
        assertFalse(app.isDismissed(HEAT), "nothing blocking ran inside the storage event");
        queued.forEach(Runnable::run);
        assertTrue(app.isDismissed(HEAT));
    }

    @Test
    void aSecondUserSeesNothingOfTheFirst() {
        app.create("ana", "long enough", "long enough");
        app.rate(HEAT, 5);
        app.saveProfile(new Profile(40, "M", null));
        app.setGenreFilter(Genres.indexOf("Action"));
        app.lock();
        app.create("ben", "other secret", "other secret");
        assertTrue(app.ratings().isEmpty());
        assertTrue(app.profile().isEmpty());
        assertEquals(-1, app.genreFilter());
        assertNull(app.undoLabel());
        assertEquals(6, app.recommendations().size());
        assertEquals(List.of("ana", "ben"), app.profileNames());
    }

    @Test
    void wrongPasswordSaysSoAndKeepsEverythingLocked() {
        app.create("ana", "long enough", "long enough");
        app.rate(HEAT, 4);
        app.lock();
        VaultException e = assertThrows(VaultException.class, () -> app.unlock("ana", "wrong password"));
        assertEquals("Wrong password. Nothing was changed.", ErrorMessages.sentence(e));
        assertEquals(AppState.LOCKED, app.state());
        app.unlock("ana", "long enough");
        assertEquals(4f, app.starsOf(HEAT));
    }

    @Test
    void createNeedsTheSamePasswordTwice() {
        UserError e = assertThrows(UserError.class, () -> app.create("ana", "long enough", "long enuogh"));
        assertEquals("The two passwords differ. Please type the same password twice.", ErrorMessages.sentence(e));
        assertTrue(app.profileNames().isEmpty());
    }

    @Test
    void quotaExceededKeepsThePreviousData() {
        app.create("ana", "long enough", "long enough");
        app.rate(HEAT, 4);
        vaults.failNextSave = new VaultException(VaultException.Kind.QUOTA_EXCEEDED, "");
        VaultException e = assertThrows(VaultException.class, () -> app.rate(ALIEN, 5));
        assertTrue(ErrorMessages.sentence(e).startsWith("The browser's storage for this site is full"));
        assertEquals(0f, app.starsOf(ALIEN));
        assertEquals("Rated Heat (1995) 4 stars", app.undoLabel(), "undo still refers to the last saved action");
    }

    @Test
    void privacyReportShowsTheDecryptedDataAndEveryRequest() {
        requests.add(new NetworkLog.Request("http://127.0.0.1:8080/", "navigation"));
        requests.add(new NetworkLog.Request("http://127.0.0.1:8080/models/manifest.json", "fetch"));
        app.create("ana", "long enough", "long enough");
        app.saveProfile(new Profile(31, null, "engineer"));
        app.rate(HEAT, 4);
        app.dismiss(TOY_STORY);

        PrivacyReport report = app.privacy();

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
        app.create("ana", "long enough", "long enough");
        app.lock();
        app.create("ben", "other secret", "other secret");
        app.deleteOpenProfile();
        assertEquals(AppState.LOCKED, app.state());
        assertEquals(List.of("ana"), app.profileNames());
    }

    @Test
    void changePasswordNeedsTheNewOneTwice() {
        app.create("ana", "long enough", "long enough");
        assertThrows(UserError.class, () -> app.changePassword("long enough", "new secret", "new secrex"));
        app.changePassword("long enough", "new secret", "new secret");
        app.lock();
        app.unlock("ana", "new secret");
        assertEquals("ana", app.profileName());
    }

    @Test
    void corruptedProfileCanBeExportedRawAndReset() {
        app.create("ana", "long enough", "long enough");
        app.lock();
        vaults.stored.get("ana").corrupted = true;
        VaultException e = assertThrows(VaultException.class, () -> app.unlock("ana", "long enough"));
        assertEquals(VaultException.Kind.CORRUPTED, e.kind());
        assertEquals("raw:ana", app.exportRaw("ana"));
        app.resetProfile("ana");
        assertFalse(app.profileExists("ana"));
    }

    @Test
    void importedBackupOpensUnderItsName() {
        app.importBackup("backup:carla", "long enough", null);
        assertEquals("carla", app.profileName());
        assertThrows(UserError.class, () -> app.importBackup(" ", "x", null));
    }
}
