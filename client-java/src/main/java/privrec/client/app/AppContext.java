package privrec.client.app;

import java.util.Set;
import java.util.function.Consumer;

import privrec.client.vault.VaultStore;
import privrec.core.Catalog;
import privrec.core.ItemScorer;
import privrec.core.Manifest;

/**
 * The state every part of the app shares: the store, the clock, the open {@link Session} (null when locked), the
 * model and the data revision. Package-private: views reach it through {@link App} and its parts.
 */
final class AppContext {
    final VaultStore store;
    final Clock clock;
    final NetworkLog network;
    final AutoLock autoLock;
    App.Listener listener = () -> { };
    /** Runs work that may block; the browser passes "start a TeaVM thread" (storage events are not threads). */
    Consumer<Runnable> background = Runnable::run;
    Session session;
    ModelStatus model = ModelStatus.loading("Loading the recommendation model…");
    boolean onboardingDone;
    int revision;
    /** A problem with the open profile's stored data the user must hear about until they lock (rollback). */
    String vaultWarning;
    /** The loaded release's item basis, read from its verified basis chunks; null when none was kept. */
    privrec.core.privacy.BasisRows basis;
    /** Set by {@link App}: told when a session ends, so nothing is sent while locked. */
    Contributions contributions;
    /** The home list's re-rank, started by an edit before its save (see {@link RankPrefetch}). */
    final RankPrefetch prefetch = new RankPrefetch();

    AppContext(VaultStore store, Clock clock, NetworkLog network) {
        this.store = store;
        this.clock = clock;
        this.network = network;
        this.autoLock = new AutoLock(AutoLock.DEFAULT_MINUTES, clock.nowMillis());
    }

    /** Data or state changed: bump the revision and tell the views. */
    void changed() {
        revision++;
        listener.changed();
    }

    /** The open session, or a sentence for the user when the profile was locked meanwhile. */
    Session requireSession() {
        if (session == null) {
            throw new UserError("The profile is locked. Please unlock it again.");
        }
        return session;
    }

    /** Drops the key and the plaintext without notifying (callers notify once at the end). */
    void lockQuietly() {
        vaultWarning = null;
        if (contributions != null) {
            contributions.sessionEnded();
        }
        if (session != null) {
            session.lock();
            session = null;
        }
    }

    /** The movie's name for status sentences, as {@link MovieNames#of} gives it for the open profile. */
    String title(int movieId) {
        return MovieNames.of(model, session == null ? null : session.contents().findRating(movieId), movieId);
    }

    void modelReady(Manifest manifest, Catalog catalog, ItemScorer scorer, Set<Integer> withdrawn, String notice,
                    Runnable pause, privrec.core.privacy.BasisRows basis) {
        model = ModelStatus.ready(manifest, catalog, scorer, withdrawn, notice, pause);
        this.basis = basis;
        changed();
        if (contributions != null) {
            contributions.modelOrDataChanged();
        }
    }
}
