package privrec.client.app;

import privrec.client.vault.VaultContents;
import privrec.core.RecommendationRequest;
import privrec.core.Recommender;

/**
 * The re-rank an edit will need, started before the edit's vault save: the edit is applied to the contents in
 * hand and the home list's one model run for that result goes to onnxruntime-web's worker at once, so it runs
 * while the save waits on the cross-tab lock, WebCrypto and storage. The render then takes it if its request is
 * exactly the one started (same session, same model, equal request); when another tab's save changed the
 * result, or the save failed, it is dropped and the render runs its own. Used only on the worker thread.
 */
final class RankPrefetch {
    private Recommender.PendingRank pending;
    private Session session;
    private ModelStatus model;

    /** Starts the ranking of {@code predicted}, the open profile's contents once the edit is saved. */
    void start(AppContext context, VaultContents predicted) {
        pending = null;
        if (context.session == null || !context.model.isReady()) {
            return;
        }
        RecommendationRequest request = Ranking.request(predicted, context.model.withdrawn(),
                Settings.genreOf(predicted));
        pending = context.model.recommender().startRank(request);
        session = context.session;
        model = context.model;
    }

    /** The started ranking if it is for exactly {@code request} now; null otherwise. Either way it is used up. */
    Recommender.PendingRank take(AppContext context, RecommendationRequest request) {
        Recommender.PendingRank started = pending;
        pending = null;
        return started != null && session == context.session && model == context.model
                && started.request().equals(request) ? started : null;
    }
}
