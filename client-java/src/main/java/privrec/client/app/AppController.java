package privrec.client.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import privrec.client.vault.RatedMovie;
import privrec.client.vault.UnlockedVault;
import privrec.client.vault.VaultException;
import privrec.client.vault.VaultStore;
import privrec.core.Catalog;
import privrec.core.Genres;
import privrec.core.Item;
import privrec.core.ItemScorer;
import privrec.core.Manifest;
import privrec.core.Profile;
import privrec.core.Reason;
import privrec.core.Recommendation;
import privrec.core.RecommendationRequest;

/**
 * The app without the DOM: which vault is open, the model, and every action and query the views use.
 *
 * <p>Methods that touch the vault block (WebCrypto awaits) and so must run on a TeaVM thread; the UI runs them one
 * at a time from a worker thread. Failures are thrown; {@link ErrorMessages#sentence} turns them into words.
 * {@link Listener#changed} fires after every change of state or data, on the thread that caused it.
 */
public final class AppController {
    /** Settings keys kept in the vault. */
    static final String SETTING_GENRE = "genre";
    static final String SETTING_AUTO_LOCK = "autoLockMinutes";
    /** "true" once the user finished or skipped onboarding, so it is not offered again after every unlock. */
    static final String SETTING_ONBOARDED = "onboardingDone";

    /** Notified after state or data changed. Must not block. */
    public interface Listener {
        void changed();
    }

    private final VaultStore store;
    private final Clock clock;
    private final NetworkLog network;
    private final AutoLock autoLock;
    private Listener listener = () -> { };
    /** Runs work that may block; the browser passes "start a TeaVM thread" (storage events are not threads). */
    private Consumer<Runnable> background = Runnable::run;
    private Session session;
    private ModelStatus model = ModelStatus.loading("Loading the recommendation model…");
    private boolean onboardingDone;
    private int revision;
    /** A problem with the open profile's stored data the user must hear about until they lock (rollback). */
    private String vaultWarning;

    public AppController(VaultStore store, Clock clock, NetworkLog network) {
        this.store = store;
        this.clock = clock;
        this.network = network;
        this.autoLock = new AutoLock(AutoLock.DEFAULT_MINUTES, clock.nowMillis());
    }

    public void setListener(Listener listener) {
        this.listener = listener == null ? () -> { } : listener;
    }

    /** How to run blocking follow-ups of browser events (default: inline, as JVM tests want). */
    public void setBackground(Consumer<Runnable> background) {
        this.background = background == null ? Runnable::run : background;
    }

    private void changed() {
        revision++;
        listener.changed();
    }

    /**
     * Bumped on every change except model download progress, so a view can tell "re-render" from "update the
     * progress line" without re-building a form the user is typing in.
     */
    public int revision() {
        return revision;
    }

    // ---- state -------------------------------------------------------------------------------------------

    public AppState state() {
        if (session == null) {
            return AppState.LOCKED;
        }
        return switch (model.phase()) {
            case LOADING -> AppState.LOADING;
            case READY -> AppState.READY;
            case FAILED -> AppState.ERROR;
        };
    }

    public boolean isUnlocked() {
        return session != null;
    }

    /** The open profile's name, or null when locked. */
    public String profileName() {
        return session == null ? null : session.name();
    }

    public ModelStatus model() {
        return model;
    }

    // ---- model -------------------------------------------------------------------------------------------

    public void modelProgress(String sentence) {
        if (!model.isReady()) {
            model = ModelStatus.loading(sentence);
            listener.changed();
        }
    }

    public void modelReady(Manifest manifest, Catalog catalog, ItemScorer scorer, String notice) {
        model = ModelStatus.ready(manifest, catalog, scorer, notice);
        changed();
    }

    public void modelFailed(String sentence) {
        model = ModelStatus.failed(sentence);
        changed();
    }

    // ---- vaults ------------------------------------------------------------------------------------------

    /** Names of the profiles on this device (names only: nothing else is readable without a password). */
    public List<String> profileNames() {
        return store.names();
    }

    public boolean profileExists(String name) {
        return store.exists(name);
    }

    /** Creates a profile: the password is typed twice, so a typo cannot lock the user out of new data. */
    public void create(String name, String password, String repeated) {
        if (password == null || !password.equals(repeated)) {
            throw new UserError("The two passwords differ. Please type the same password twice.");
        }
        open(store.create(name, password));
        onboardingDone = false;
    }

    public void unlock(String name, String password) {
        if (password == null || password.isEmpty()) {
            throw new UserError("Please enter the password of this profile.");
        }
        open(store.unlock(name, password));
    }

    /** Imports a backup file under its own name (or {@code asName}) and opens it. */
    public void importBackup(String backupText, String password, String asName) {
        if (backupText == null || backupText.isBlank()) {
            throw new UserError("Please choose a backup file first.");
        }
        open(store.importBackup(backupText, password, asName == null || asName.isBlank() ? null : asName));
    }

    private void open(UnlockedVault vault) {
        lockQuietly();
        session = new Session(vault);
        vaultWarning = vault.staleOnUnlock() == null ? null : vault.staleOnUnlock().sentence();
        String minutes = session.contents().settings().get(SETTING_AUTO_LOCK);
        autoLock.setMinutes(parseMinutes(minutes));
        autoLock.touch(clock.nowMillis());
        onboardingDone = "true".equals(session.contents().settings().get(SETTING_ONBOARDED))
                || !session.contents().ratings().isEmpty() || !session.contents().profile().isEmpty();
        // Another tab saved: take its data (the vault re-reads with the key it holds; no password needed).
        // The storage event is not a TeaVM thread and reload() awaits WebCrypto: hand it to the background.
        vault.onExternalChange(() -> background.accept(this::externalChange));
        changed();
    }

    /** Called when another tab changed this vault; re-reads and tells the views. */
    public void externalChange() {
        if (session != null) {
            try {
                session.reload();
            } catch (VaultException e) {
                if (e.kind() == VaultException.Kind.ROLLED_BACK) {
                    // An older copy replaced the record: keep the newer data open here and say so.
                    vaultWarning = e.getMessage();
                } else {
                    // Deleted or re-keyed elsewhere: the only safe state is locked.
                    lockQuietly();
                }
            } catch (RuntimeException e) {
                lockQuietly();
            }
            changed();
        }
    }

    /** Drops the key and every decrypted byte held by this page. */
    public void lock() {
        lockQuietly();
        changed();
    }

    /**
     * A standing warning about the open profile's stored data (an older copy was put back), shown until lock;
     * null when there is none.
     */
    public String vaultWarning() {
        return vaultWarning;
    }

    private void lockQuietly() {
        vaultWarning = null;
        if (session != null) {
            session.lock();
            session = null;
        }
    }

    /** The raw stored text of a profile (even an unreadable one), for the user to keep before a reset. */
    public String exportRaw(String name) {
        return store.exportRaw(name);
    }

    /** Discards a (corrupted) profile on purpose. */
    public void resetProfile(String name) {
        store.reset(name);
        changed();
    }

    /** Deletes the open profile and locks. */
    public void deleteOpenProfile() {
        String name = open().name();
        lockQuietly();
        store.delete(name);
        changed();
    }

    public String exportBackup() {
        return open().vault().exportBackup();
    }

    public void changePassword(String oldPassword, String newPassword, String repeated) {
        if (newPassword == null || !newPassword.equals(repeated)) {
            throw new UserError("The two new passwords differ. Please type the same new password twice.");
        }
        open().vault().changePassword(oldPassword, newPassword);
    }

    public int storedBytes() {
        return open().vault().storedBytes();
    }

    // ---- auto-lock ---------------------------------------------------------------------------------------

    /** The user did something (key, pointer): postpone auto-lock. */
    public void activity() {
        autoLock.touch(clock.nowMillis());
    }

    /** True when the idle limit has passed and the open profile should lock. */
    public boolean isAutoLockDue() {
        return session != null && autoLock.isDue(clock.nowMillis());
    }

    /** Locks when idle for too long; returns true if it locked. Called from a periodic timer. */
    public boolean checkAutoLock() {
        if (session != null && autoLock.isDue(clock.nowMillis())) {
            lock();
            return true;
        }
        return false;
    }

    public int autoLockMinutes() {
        return autoLock.minutes();
    }

    public void setAutoLockMinutes(int minutes) {
        autoLock.setMinutes(minutes);
        open().apply(Edits.setting(SETTING_AUTO_LOCK, String.valueOf(minutes)), null, null);
        changed();
    }

    private static int parseMinutes(String text) {
        if (text != null) {
            try {
                int minutes = Integer.parseInt(text);
                if (minutes >= 1 && minutes <= 24 * 60) {
                    return minutes;
                }
            } catch (NumberFormatException e) {
                // A setting from another version: fall back to the default.
            }
        }
        return AutoLock.DEFAULT_MINUTES;
    }

    // ---- actions (each undoable once) --------------------------------------------------------------------

    /** Rates a movie 1–5 stars; returns the status sentence. */
    public String rate(int movieId, int stars) {
        if (stars < 1 || stars > 5) {
            throw new UserError("Ratings go from 1 to 5 stars.");
        }
        Session s = open();
        RatedMovie previous = s.contents().findRating(movieId);
        String label = "Rated " + title(movieId) + " " + Stars.text(stars);
        // Onboarding stays open while the user rates several movies; it ends with finishOnboarding().
        s.apply(Edits.rate(movieId, stars, clock.nowMillis()), label, Edits.restoreRating(movieId, previous));
        changed();
        return label + ".";
    }

    public String dismiss(int movieId) {
        Session s = open();
        boolean wasDismissed = s.contents().dismissed().contains(movieId);
        String label = "Marked " + title(movieId) + " as not interested";
        s.apply(Edits.dismiss(movieId, true), label, Edits.dismiss(movieId, wasDismissed));
        changed();
        return label + ".";
    }

    public String removeRating(int movieId) {
        Session s = open();
        RatedMovie previous = s.contents().findRating(movieId);
        if (previous == null) {
            return "That movie has no rating.";
        }
        String label = "Removed your rating of " + title(movieId);
        s.apply(Edits.removeRating(movieId), label, Edits.restoreRating(movieId, previous));
        changed();
        return label + ".";
    }

    public String saveProfile(Profile profile) {
        Session s = open();
        Profile before = s.contents().profile();
        s.apply(Edits.profile(profile), "Saved your profile", Edits.profile(before));
        changed();
        return "Saved your profile.";
    }

    /** The last action's label ("Rated Heat 4 stars"), or null when there is nothing to undo. */
    public String undoLabel() {
        Session.Undo undo = session == null ? null : session.lastAction();
        return undo == null ? null : undo.label();
    }

    public String undo() {
        String label = open().undo();
        changed();
        return label == null ? "Nothing to undo." : "Undone: " + label + ".";
    }

    public boolean needsOnboarding() {
        return session != null && !onboardingDone;
    }

    /** Onboarding finished or skipped: remembered in the vault, so the next unlock goes straight home. */
    public void finishOnboarding() {
        onboardingDone = true;
        try {
            Session s = open();
            if (!"true".equals(s.contents().settings().get(SETTING_ONBOARDED))) {
                // Not an undoable action of its own: the Undo bar keeps offering the last rating.
                s.applyKeepingUndo(Edits.setting(SETTING_ONBOARDED, "true"));
            }
        } finally {
            changed();
        }
    }

    // ---- queries -----------------------------------------------------------------------------------------

    /** The saved genre filter: an index into {@link Genres#NAMES}, or -1 for all genres. */
    public int genreFilter() {
        String saved = session == null ? null : session.contents().settings().get(SETTING_GENRE);
        int genre = -1;
        if (saved != null) {
            try {
                genre = Integer.parseInt(saved);
            } catch (NumberFormatException e) {
                genre = -1;
            }
        }
        return genre >= -1 && genre < Genres.NAMES.size() ? genre : -1;
    }

    public void setGenreFilter(int genre) {
        if (genre < -1 || genre >= Genres.NAMES.size()) {
            throw new UserError("Unknown genre.");
        }
        if (genre != genreFilter()) {
            open().apply(Edits.setting(SETTING_GENRE, String.valueOf(genre)), null, null);
            changed();
        }
    }

    /** Top recommendations for the saved genre filter, with reasons; empty until the model is ready. */
    public List<RecCard> recommendations() {
        Session s = open();
        if (!model.isReady()) {
            return new ArrayList<>();
        }
        return Ranking.recommend(model.recommender(), s.contents(), genreFilter());
    }

    /**
     * The same recommendations as {@link #recommendations()} without their reasons (one scoring run, the part the
     * user waits for); {@link #explain} computes the reasons afterwards. Empty until the model is ready. Blocks in
     * the browser.
     */
    public RankedList rankRecommendations() {
        Session s = open();
        if (!model.isReady()) {
            return new RankedList(new ArrayList<>(), null, new ArrayList<>(), s, revision);
        }
        RecommendationRequest request = Ranking.request(s.contents(), genreFilter());
        List<Recommendation> ranked = model.recommender().rank(request);
        return new RankedList(Ranking.cards(ranked), request, ranked, s, revision);
    }

    /**
     * {@code list}'s cards with their reasons (one batched model run per call, growing with the number of liked
     * movies), or null when the list is stale: the profile was locked or its data changed since it was ranked, so
     * a newer list replaces it. Blocks in the browser.
     */
    public List<RecCard> explain(RankedList list) {
        if (!isCurrent(list)) {
            return null;
        }
        if (!list.needsReasons()) {
            return list.cards();
        }
        Reason[] reasons = model.recommender().explain(list.request, list.ranked);
        // Scoring awaited the model: check again that nothing changed meanwhile.
        return isCurrent(list) ? Ranking.withReasons(list.cards(), reasons) : null;
    }

    private boolean isCurrent(RankedList list) {
        return list != null && session != null && list.session == session && list.revision == revision
                && model.isReady();
    }

    public List<Item> search(String query) {
        return model.isReady() ? model.search().find(query, TitleSearch.MAX_RESULTS) : new ArrayList<>();
    }

    public List<Item> onboardingCandidates(int count) {
        return model.isReady() ? Ranking.wellKnown(model.catalog(), open().contents(), count) : new ArrayList<>();
    }

    public List<RatingRow> ratings() {
        return Ranking.ratingRows(model.catalog(), open().contents());
    }

    /** Stars given to a movie, or 0 when unrated. */
    public float starsOf(int movieId) {
        RatedMovie rated = session == null ? null : session.contents().findRating(movieId);
        return rated == null ? 0 : rated.stars();
    }

    public boolean isDismissed(int movieId) {
        return session != null && session.contents().dismissed().contains(movieId);
    }

    public Profile profile() {
        return open().contents().profile();
    }

    public PrivacyReport privacy() {
        Session s = open();
        return PrivacyReport.of(s.contents(), model.catalog(), s.vault().storedBytes(), network.requests());
    }

    /** Requests the page made; shown on the privacy page even while locked. */
    public List<NetworkLog.Request> requests() {
        return network.requests();
    }

    /**
     * One full-catalog scoring for the open profile's history (or an empty one when locked), for the benchmark;
     * the same call the recommendations make. Blocks in the browser.
     */
    public float[] scoreCatalog() {
        if (!model.isReady()) {
            throw new UserError("The model is not loaded yet.");
        }
        return session == null
                ? model.recommender().scores(new ArrayList<>(), Profile.EMPTY)
                : model.recommender().scores(session.contents().coreRatings(), session.contents().profile());
    }

    private String title(int movieId) {
        return PrivacyReport.title(model.catalog(), movieId);
    }

    private Session open() {
        if (session == null) {
            throw new UserError("The profile is locked. Please unlock it again.");
        }
        return session;
    }
}
