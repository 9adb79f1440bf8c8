package privrec.client.bench;

import java.util.ArrayList;
import java.util.List;

import org.teavm.jso.browser.Performance;
import org.teavm.jso.core.JSPromise;

import privrec.client.app.App;
import privrec.client.app.Queries;
import privrec.client.app.RatingRow;
import privrec.client.app.UserError;
import privrec.core.Encoder;
import privrec.core.Profile;
import privrec.core.Rating;

/**
 * {@code window.privrecBench}: {@code scoreOnce()} resolves to the milliseconds of one full-catalog scoring (the
 * open profile's history, or none — the same call the recommendations make); {@code compareNaive(n)} to one
 * batched run vs n per-movie runs ({@link NaiveBenchmark}); {@code lastActionMs()} is the last
 * click→re-rendered-screen time, {@code lastReasonsMs()} the last click→reasons-filled-in time.
 */
final class BenchHook {
    private BenchHook() {
    }

    static void install(App app) {
        BenchExport.install(
                ignored -> JSPromise.callAsync(() -> {
                    double t0 = Performance.now();
                    scoreCatalog(app);
                    return BenchExport.number(Performance.now() - t0);
                }),
                items -> JSPromise.callAsync(() -> {
                    int n = Math.max(1, Math.min(items, app.model().catalog().size()));
                    float[] history = new float[app.model().catalog().size()];
                    float[] profile = new float[Encoder.profileWidth()];
                    NaiveBenchmark.Result r = NaiveBenchmark.compare(app.model().scorer(), history, profile, n,
                            Performance::now);
                    return BenchExport.naiveResult(r.items(), r.batchMillis(), r.perItemMillis(), r.slowdown(),
                            r.maxAbsDiff());
                }));
    }

    private static float[] scoreCatalog(App app) {
        if (!app.model().isReady()) {
            throw new UserError("The model is not loaded yet.");
        }
        if (!app.isUnlocked()) {
            return app.model().recommender().scores(new ArrayList<>(), Profile.EMPTY);
        }
        List<Rating> ratings = new ArrayList<>();
        for (RatingRow row : app.queries().ratings(Queries.RatingOrder.NEWEST)) {
            ratings.add(new Rating(row.movieId(), row.stars()));
        }
        return app.model().recommender().scores(ratings, app.queries().profile());
    }
}
