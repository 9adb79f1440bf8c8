package privrec.trainer.data;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import privrec.core.Profile;

/**
 * A MovieLens-100k-like data set from a seed: same seed, same data, on any JVM. Each user watches movies drawn
 * (without replacement, in watching order) with probability ∝ popularity × exp(taste affinity), and rates them by affinity, movie
 * quality and personal generosity plus noise. So what a user rates and how they rate it both carry a personal,
 * partly demographic, signal that collaborative models can find and a popularity ranking cannot. Star values are
 * cut at quantiles of MovieLens-100k's histogram (6% 1s, 11% 2s, 27% 3s, 34% 4s, 21% 5s; mean ~3.5).
 */
public final class SyntheticData {
    public static final int DEFAULT_MOVIES = 1_700;
    public static final int DEFAULT_USERS = 1_000;
    public static final int DEFAULT_RATINGS = 100_000;
    /** Every user has at least this many ratings, like every MovieLens user. */
    public static final int MIN_RATINGS_PER_USER = 20;
    /** MovieLens-100k's time span: 1997-09-20 to 1998-04-22 (UTC). */
    static final long FIRST_TIMESTAMP = 874_724_710L;
    static final long LAST_TIMESTAMP = 893_286_638L;
    /** Standard-normal quantiles of cumulative star shares 6.1%, 17.5%, 44.6%, 78.8% in MovieLens-100k. */
    private static final double[] STAR_CUTS = {-1.546, -0.935, -0.136, 0.800};
    /** How strongly taste moves the stars (Watcher.WATCH_TASTE: how strongly it steers what is watched). */
    private static final double RATING_TASTE = 0.9;
    /**
     * A user with n ratings draws them by rejection (about this many proposals per rating or fewer, each one
     * affinity) when n * EXACT_PASS_RATIO < movies, and otherwise by one exact pass over the whole catalog (one
     * affinity per movie). So the cost is O(ratings) for typical users and O(movies) only for the heavy raters, and
     * the default 1,700-movie set (every user at least 20 ratings) is drawn exactly, as before.
     */
    static final int EXACT_PASS_RATIO = 100;

    private SyntheticData() {
    }

    public static Dataset generate(long seed) {
        return generate(seed, DEFAULT_MOVIES, DEFAULT_USERS, DEFAULT_RATINGS);
    }

    public static Dataset generate(long seed, int movieCount, int userCount, int ratingCount) {
        int perUserCap = Math.min(movieCount, Math.max(MIN_RATINGS_PER_USER, movieCount * 45 / 100));
        if (movieCount < MIN_RATINGS_PER_USER || userCount < 1
                || ratingCount < (long) MIN_RATINGS_PER_USER * userCount || ratingCount > (long) perUserCap * userCount) {
            throw new IllegalArgumentException(movieCount + " movies, " + userCount + " users, " + ratingCount
                    + " ratings: need >= 20 movies, >= 1 user and between 20 and " + perUserCap + " ratings per user");
        }
        SplittableRandom root = new SplittableRandom(seed);
        SyntheticCatalog catalog = new SyntheticCatalog(root.split(), movieCount);
        SyntheticUsers users = new SyntheticUsers(root.split(), userCount);
        int[] perUser = ratingsPerUser(root.split(), userCount, ratingCount, perUserCap);

        int[] userIds = new int[ratingCount];
        int[] movieIds = new int[ratingCount];
        double[] score = new double[ratingCount];
        long[] timestamps = new long[ratingCount];
        SplittableRandom watching = root.split();
        Watcher watcher = new Watcher(catalog, users);
        int row = 0;
        for (int u = 0; u < userCount; u++) {
            int n = perUser[u];
            int[] watched = new int[n];
            double[] affinity = new double[n];
            if ((long) n * EXACT_PASS_RATIO >= movieCount) {
                watcher.exactPass(u, watching, watched, affinity);
            } else {
                watcher.byRejection(u, watching, watched, affinity);
            }
            long[] times = sessionTimes(watching, n);
            for (int k = 0; k < n; k++) {
                int i = watched[k];
                userIds[row] = u + 1;
                movieIds[row] = i + 1;
                score[row] = RATING_TASTE * affinity[k] + 0.6 * catalog.quality[i] + users.bias[u]
                        + 0.8 * Rng.gaussian(watching);
                timestamps[row] = times[k];
                row++;
            }
        }
        Map<Integer, Profile> profiles = new TreeMap<>();
        for (int u = 0; u < userCount; u++) {
            profiles.put(u + 1, users.profiles[u]);
        }
        return new Dataset("synthetic, seed " + seed, catalog.movies, profiles, userIds, movieIds, toStars(score),
                timestamps);
    }

    /** Ratings per user: 20 each plus a log-normal share of the rest (a few heavy raters), summing exactly. */
    static int[] ratingsPerUser(SplittableRandom random, int users, int total, int cap) {
        double[] weight = new double[users];
        double sum = 0;
        for (int u = 0; u < users; u++) {
            weight[u] = StrictMath.exp(1.2 * Rng.gaussian(random));
            sum += weight[u];
        }
        int[] counts = new int[users];
        int left = total;
        for (int u = 0; u < users; u++) {
            int extra = (int) ((total - (long) MIN_RATINGS_PER_USER * users) * (weight[u] / sum));
            counts[u] = Math.min(cap, MIN_RATINGS_PER_USER + extra);
            left -= counts[u];
        }
        for (int u = 0; left > 0; u = (u + 1) % users) { // rounding and capping leftovers, one at a time
            if (counts[u] < cap) {
                counts[u]++;
                left--;
            }
        }
        return counts;
    }

    /**
     * A user's rating times, ascending: they join on a random day, rate a burst at sign-up (as MovieLens users
     * did) and come back now and then within an active span that ends by the last day.
     */
    private static long[] sessionTimes(SplittableRandom random, int n) {
        long start = FIRST_TIMESTAMP + (long) (random.nextDouble() * (LAST_TIMESTAMP - FIRST_TIMESTAMP - 86_400));
        long span = random.nextInt(100) < 40 ? 3_600 : (long) (86_400 * 60 * random.nextDouble());
        span = Math.min(span, LAST_TIMESTAMP - start);
        long[] times = new long[n];
        for (int k = 0; k < n; k++) {
            double v = random.nextDouble();
            times[k] = start + (long) (span * v * v);
        }
        Arrays.sort(times);
        return times;
    }

    /** Continuous scores → 1–5 stars at quantiles matching MovieLens-100k, relative to this data's own spread. */
    private static float[] toStars(double[] score) {
        double mean = 0;
        for (double s : score) {
            mean += s;
        }
        mean /= score.length;
        double variance = 0;
        for (double s : score) {
            variance += (s - mean) * (s - mean);
        }
        double sd = StrictMath.sqrt(variance / score.length);
        float[] stars = new float[score.length];
        for (int r = 0; r < score.length; r++) {
            int star = 1;
            while (star <= STAR_CUTS.length && score[r] > mean + sd * STAR_CUTS[star - 1]) {
                star++;
            }
            stars[r] = star;
        }
        return stars;
    }
}
