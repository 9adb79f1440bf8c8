package privrec.client.app;

import java.util.Set;
import java.util.function.Consumer;

import privrec.client.vault.VaultStore;
import privrec.core.Catalog;
import privrec.core.ItemScorer;
import privrec.core.Manifest;

/**
 * The app without the DOM, in four parts a view picks by name:
 * <ul>
 *   <li>{@link #session()}: profiles on this device — create, unlock, import, lock, auto-lock, password, delete;</li>
 *   <li>{@link #edits()}: what the user changes — ratings, "not interested", profile, undo;</li>
 *   <li>{@link #settings()}: remembered choices — genre filter, auto-lock minutes, onboarding done;</li>
 *   <li>{@link #queries()}: what views show — recommendations, browsing, a movie and "more like this", search.</li>
 * </ul>
 * This class holds the shared state (which profile is open, the model) and the model-loading callbacks.
 *
 * <p>Methods that touch the vault block (WebCrypto awaits) and so must run on a TeaVM thread; the UI runs them one
 * at a time from a worker thread. Failures are thrown ({@link UserError} for the user's own mistakes).
 * {@link Listener#changed} fires after every change of state or data, on the thread that caused it.
 */
public final class App {
    /** Notified after state or data changed. Must not block. */
    public interface Listener {
        void changed();
    }

    private final AppContext context;
    private final SessionActions session;
    private final UserEdits edits;
    private final Settings settings;
    private final Queries queries;
    private final Contributions contributions;

    public App(VaultStore store, Clock clock, NetworkLog network) {
        this.context = new AppContext(store, clock, network);
        this.settings = new Settings(context);
        this.session = new SessionActions(context, settings);
        this.edits = new UserEdits(context);
        this.queries = new Queries(context, settings);
        this.contributions = new Contributions(context);
        context.contributions = contributions;
    }

    /** Opt-in private contributions: settings, the pending report, the accountant. */
    public Contributions contributions() {
        return contributions;
    }

    public SessionActions session() {
        return session;
    }

    public UserEdits edits() {
        return edits;
    }

    public Settings settings() {
        return settings;
    }

    public Queries queries() {
        return queries;
    }

    public void setListener(Listener listener) {
        context.listener = listener == null ? () -> { } : listener;
    }

    /** How to run blocking follow-ups of browser events (default: inline, as JVM tests want). */
    public void setBackground(Consumer<Runnable> background) {
        context.background = background == null ? Runnable::run : background;
    }

    /**
     * Bumped on every change except model download progress, so a view can tell "re-render" from "update the
     * progress line" without re-building a form the user is typing in.
     */
    public int revision() {
        return context.revision;
    }

    public AppState state() {
        if (context.session == null) {
            return AppState.LOCKED;
        }
        return switch (context.model.phase()) {
            case LOADING -> AppState.LOADING;
            case READY -> AppState.READY;
            case FAILED -> AppState.ERROR;
        };
    }

    public boolean isUnlocked() {
        return context.session != null;
    }

    /** The open profile's name, or null when locked. */
    public String profileName() {
        return context.session == null ? null : context.session.name();
    }

    public ModelStatus model() {
        return context.model;
    }

    /** A progress sentence while the model downloads; does not bump the revision (no re-render). */
    public void modelProgress(String sentence) {
        if (!context.model.isReady()) {
            context.model = ModelStatus.loading(sentence);
            context.listener.changed();
        }
    }

    public void modelReady(Manifest manifest, Catalog catalog, ItemScorer scorer, String notice) {
        modelReady(manifest, catalog, scorer, Set.of(), notice, () -> {
        });
    }

    /**
     * @param withdrawn movie ids the release no longer offers (see {@link ModelStatus#withdrawn()})
     * @param pause     run between slices of indexing the catalog for search ({@link #indexTitles}, or the first
     *                  search); on a thread that may block, so the page stays responsive at 87,000 movies
     */
    public void modelReady(Manifest manifest, Catalog catalog, ItemScorer scorer, Set<Integer> withdrawn,
                           String notice, Runnable pause) {
        context.modelReady(manifest, catalog, scorer, withdrawn, notice, pause, null);
    }

    /**
     * As above, with the release's item basis read from its verified chunks, which a contribution report is
     * projected on (null: no report can be made from this load).
     */
    public void modelReady(Manifest manifest, Catalog catalog, ItemScorer scorer, Set<Integer> withdrawn,
                           String notice, Runnable pause, privrec.core.privacy.BasisRows basis) {
        context.modelReady(manifest, catalog, scorer, withdrawn, notice, pause, basis);
    }

    /**
     * Builds the title search index of the ready model (in slices, with the pause given to {@code modelReady});
     * call it on the loader thread once the model is shown as ready. A search before it is done waits for it.
     */
    public void indexTitles() {
        TitleSearch search = context.model.search();
        if (search != null) {
            search.index();
        }
    }

    public void modelFailed(String sentence) {
        context.model = ModelStatus.failed(sentence);
        context.changed();
    }
}
