package privrec.trainer.data;

import java.util.SplittableRandom;

import privrec.core.Genres;

/**
 * Which movies a synthetic user watches: distinct movies drawn in watching order with probability ∝ popularity ×
 * exp(taste affinity). Two ways to draw them, one distribution (up to the rare cap below):
 * <ul>
 *   <li>{@link #exactPass}: every movie's weight, then weighted draws without replacement (O(movies) per user);</li>
 *   <li>{@link #byRejection}: movies fall into strata of one genre set and one era band. Propose a stratum with
 *   probability ∝ its popularity × exp(the user's ceiling on it), then a movie of it by popularity (alias tables),
 *   accept with probability exp(affinity − ceiling) and skip movies already drawn: O(strata + ratings × proposals
 *   per rating) per user. The ceiling is the stratum's genre part (the same for all its movies), the top of its
 *   era band, and the free taste factors at 3.5 standard deviations above their mean; a movie above it is
 *   accepted with probability 1, i.e. its weight is capped (0.02% of user × movie pairs on the 87,000-movie set;
 *   at 3 standard deviations the cap took 2.6% of the draws from a user's ten likeliest movies, WatcherTest).
 *   About 27 proposals per rating there.</li>
 * </ul>
 */
final class Watcher {
    /** How strongly taste steers which movies a user watches. */
    static final double WATCH_TASTE = 1.0;
    /** 1/sqrt(n): keeps a 3-genre movie's genre match on the same scale as a 1-genre movie's. */
    private static final double[] INVERSE_ROOT = {0, 1, 1 / StrictMath.sqrt(2), 1 / StrictMath.sqrt(3), 0.5, 0, 1 / StrictMath.sqrt(6)};
    /** Standard deviations of the free-factor part covered by the rejection ceiling. */
    private static final double FREE_FACTOR_SDS = 3.5;

    private final SyntheticCatalog catalog;
    private final SyntheticUsers users;
    private final int genreCount = Genres.NAMES.size();
    // exact pass: per-movie scratch
    private final double[] affinityScratch;
    private final double[] weights;
    private final WeightedSampler sampler;
    // rejection: strata (one genre set, one era band), each with its movies' popularity; a "drawn already" mark
    // per movie, cleared after each user
    private final Stratum[] strata;
    private final int[] stratumOf; // per movie
    private final double[] stratumLogWeight;
    private final double[] stratumCumulative;
    private final double[] stratumCeiling;
    private final boolean[] drawn;
    private long proposals;

    /** Movies sharing a genre set and an era band; {@code genres} of its first movie stand for all. */
    private record Stratum(int[] movies, AliasTable byPopularity, double logPopularity, int[] genres, double eraLow,
                           double eraHigh) {
    }

    Watcher(SyntheticCatalog catalog, SyntheticUsers users) {
        this.catalog = catalog;
        this.users = users;
        int n = catalog.size();
        affinityScratch = new double[n];
        weights = new double[n];
        sampler = new WeightedSampler(n);
        drawn = new boolean[n];
        strata = strata(catalog);
        stratumOf = new int[n];
        for (int s = 0; s < strata.length; s++) {
            for (int i : strata[s].movies) {
                stratumOf[i] = s;
            }
        }
        stratumLogWeight = new double[strata.length];
        stratumCumulative = new double[strata.length];
        stratumCeiling = new double[strata.length];
    }

    /** Era bands of equal width between the catalog's oldest and newest movie. */
    private static final int ERA_BANDS = 8;

    private static Stratum[] strata(SyntheticCatalog catalog) {
        int n = catalog.size();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, catalog.era[i]);
            hi = Math.max(hi, catalog.era[i]);
        }
        java.util.TreeMap<Long, java.util.List<Integer>> byKey = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            long mask = 0;
            for (int g : catalog.genres[i]) {
                mask |= 1L << g;
            }
            int band = hi > lo ? Math.min(ERA_BANDS - 1, (int) ((catalog.era[i] - lo) / (hi - lo) * ERA_BANDS)) : 0;
            byKey.computeIfAbsent(mask * ERA_BANDS + band, k -> new java.util.ArrayList<>()).add(i);
        }
        Stratum[] out = new Stratum[byKey.size()];
        int s = 0;
        for (java.util.List<Integer> members : byKey.values()) {
            int[] movies = members.stream().mapToInt(Integer::intValue).toArray();
            double[] popularity = new double[movies.length];
            double total = 0;
            double eraLow = Double.POSITIVE_INFINITY;
            double eraHigh = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < movies.length; k++) {
                popularity[k] = Rng.exp(catalog.logPopularity[movies[k]]);
                total += popularity[k];
                eraLow = Math.min(eraLow, catalog.era[movies[k]]);
                eraHigh = Math.max(eraHigh, catalog.era[movies[k]]);
            }
            out[s++] = new Stratum(movies, new AliasTable(popularity), StrictMath.log(total),
                    catalog.genres[movies[0]], eraLow, eraHigh);
        }
        return out;
    }

    int strataCount() {
        return strata.length;
    }

    /** Proposals made by {@link #byRejection} so far (for measuring its acceptance rate). */
    long proposals() {
        return proposals;
    }

    /** Fills {@code watched} (distinct movie indices, watching order) and their affinities for user u. */
    void exactPass(int u, SplittableRandom random, int[] watched, double[] affinity) {
        for (int i = 0; i < affinityScratch.length; i++) {
            affinityScratch[i] = affinity(u, i);
            weights[i] = Rng.exp(catalog.logPopularity[i] + WATCH_TASTE * affinityScratch[i]);
        }
        sampler.load(weights);
        for (int k = 0; k < watched.length; k++) {
            watched[k] = sampler.draw(random.nextDouble());
            affinity[k] = affinityScratch[watched[k]];
        }
    }

    /** As {@link #exactPass}, by rejection; needs watched.length well below the catalog size. */
    void byRejection(int u, SplittableRandom random, int[] watched, double[] affinity) {
        double freeBound = freeBound(u);
        double era = users.eraTaste[u];
        double top = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < strata.length; s++) {
            Stratum stratum = strata[s];
            stratumCeiling[s] = genrePart(u, stratum.genres) + Math.max(era * stratum.eraLow, era * stratum.eraHigh)
                    + freeBound; // as ceiling(u, i), without recomputing the free bound per stratum
            stratumLogWeight[s] = stratum.logPopularity + WATCH_TASTE * stratumCeiling[s];
            top = Math.max(top, stratumLogWeight[s]);
        }
        double total = 0;
        for (int s = 0; s < strata.length; s++) {
            total += Rng.exp(stratumLogWeight[s] - top); // relative to the largest: no overflow
            stratumCumulative[s] = total;
        }
        int k = 0;
        while (k < watched.length) {
            int s = stratumAt(random.nextDouble() * total);
            int i = strata[s].movies[strata[s].byPopularity.draw(random)];
            proposals++;
            if (drawn[i]) {
                continue;
            }
            double a = affinity(u, i);
            if (random.nextDouble() < Rng.exp(WATCH_TASTE * (a - stratumCeiling[s]))) {
                drawn[i] = true;
                watched[k] = i;
                affinity[k] = a;
                k++;
            }
        }
        for (int i : watched) {
            drawn[i] = false;
        }
    }

    /** The ceiling {@link #byRejection} uses for user u and movie i (at or above its affinity nearly always). */
    double ceiling(int u, int i) {
        Stratum stratum = strata[stratumOf[i]];
        double era = users.eraTaste[u];
        return genrePart(u, stratum.genres) + Math.max(era * stratum.eraLow, era * stratum.eraHigh) + freeBound(u);
    }

    /** The first stratum whose cumulative weight exceeds {@code target}. */
    private int stratumAt(double target) {
        int lo = 0;
        int hi = strata.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (stratumCumulative[mid] > target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Taste match of user u and movie i: genre likes, free factors, and old-vs-new preference. */
    double affinity(int u, int i) {
        int[] genres = catalog.genres[i];
        double free = 0;
        int f0 = SyntheticCatalog.FACTORS;
        for (int f = 0; f < f0; f++) {
            free += users.factors[u * f0 + f] * catalog.factors[i * f0 + f];
        }
        return genrePart(u, genres) + free * INVERSE_ROOT[f0] + users.eraTaste[u] * catalog.era[i];
    }

    private double genrePart(int u, int[] genres) {
        double sum = 0;
        for (int g : genres) {
            sum += users.genreTaste[u * genreCount + g];
        }
        return sum * INVERSE_ROOT[genres.length];
    }

    /**
     * The free-factor part of the ceiling: a movie's factors are about standard normal, so the free part is about
     * normal with standard deviation |user factors| / sqrt(FACTORS).
     */
    private double freeBound(int u) {
        int f0 = SyntheticCatalog.FACTORS;
        double norm = 0;
        for (int f = 0; f < f0; f++) {
            norm += users.factors[u * f0 + f] * users.factors[u * f0 + f];
        }
        return FREE_FACTOR_SDS * Math.sqrt(norm) * INVERSE_ROOT[f0];
    }
}
