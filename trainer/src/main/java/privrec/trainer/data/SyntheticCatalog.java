package privrec.trainer.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The hidden truth behind synthetic movies: genres, year, quality, popularity and free taste factors. Frequencies
 * follow MovieLens-100k (Drama 43% and Comedy 30% of movies, Film-Noir and Fantasy ~1.5%; 1.7 genres per movie;
 * most movies from the 1990s), popularity is log-normal (a long tail), and sequels share their original's taste.
 */
final class SyntheticCatalog {
    /** Movies per genre in MovieLens-100k (core.Genres order; "unknown" is never generated). */
    private static final double[] GENRE_FREQUENCY = {0, 251, 135, 42, 122, 505, 109, 50, 725, 22, 24, 92, 56, 61,
            247, 101, 251, 71, 27};
    /** Pairs that co-occur far more than chance (Animation+Children's, Crime+Thriller …): {a, b, boost×10}. */
    private static final int[][] PAIRS = {{1, 2, 30}, {1, 16, 20}, {1, 15, 20}, {2, 9, 30}, {3, 4, 80}, {4, 5, 20},
            {4, 12, 30}, {3, 12, 30}, {5, 14, 25}, {8, 14, 20}, {8, 17, 25}, {6, 16, 30}, {6, 10, 40}, {13, 16, 30},
            {10, 13, 30}, {11, 16, 20}, {2, 15, 20}, {1, 18, 15}};
    private static final int[] RECENT_YEARS = {1998, 1997, 1996, 1995, 1994, 1993, 1992, 1991, 1990};
    private static final double[] RECENT_WEIGHTS = {4, 17, 21, 13, 13, 8, 5, 4, 4};
    static final int FACTORS = 6;

    final List<Movie> movies = new ArrayList<>();
    final int[][] genres;        // per movie: genre indices
    final double[] quality;      // per movie: N(0,1), raises ratings and popularity
    final double[] logPopularity; // per movie: how often it gets watched, before taste
    final double[] era;          // per movie: (year - 1985) / 15, for users who prefer old or new films
    final double[] factors;      // per movie: FACTORS free taste dimensions, row-major

    SyntheticCatalog(SplittableRandom random, int count) {
        genres = new int[count][];
        quality = new double[count];
        logPopularity = new double[count];
        era = new double[count];
        factors = new double[count * FACTORS];
        TitleMaker titles = new TitleMaker(random.split());
        int[] sequelsOf = new int[count];
        String[] baseTitles = new String[count];
        for (int i = 0; i < count; i++) {
            int base = i > 20 && random.nextInt(100) < 5 ? random.nextInt(i) : -1;
            int year;
            String title;
            if (base >= 0 && movies.get(base).year() <= 1996 && baseTitles[base] != null) {
                sequelsOf[base]++;
                year = Math.min(1998, movies.get(base).year() + 1 + random.nextInt(4));
                title = titles.sequel(baseTitles[base], sequelsOf[base]);
                genres[i] = genres[base];
                quality[i] = quality[base] - 0.3 + 0.5 * Rng.gaussian(random);
                logPopularity[i] = logPopularity[base] - 0.3 + 0.5 * Rng.gaussian(random);
                for (int f = 0; f < FACTORS; f++) { // same audience as the original, roughly
                    factors[i * FACTORS + f] = factors[base * FACTORS + f] + 0.3 * Rng.gaussian(random);
                }
            } else {
                genres[i] = drawGenres(random);
                year = drawYear(random);
                baseTitles[i] = titles.next(genres[i][0]);
                title = baseTitles[i];
                quality[i] = Rng.gaussian(random);
                logPopularity[i] = 1.7 * Rng.gaussian(random) + 0.45 * quality[i] + (year >= 1995 ? 0.6 : 0)
                        + (contains(genres[i], 7) ? -1.0 : 0);
                for (int f = 0; f < FACTORS; f++) {
                    factors[i * FACTORS + f] = Rng.gaussian(random);
                }
            }
            era[i] = (year - 1985) / 15.0;
            int mask = 0;
            for (int g : genres[i]) {
                mask |= 1 << g;
            }
            movies.add(new Movie(i + 1, title + " (" + year + ")", year, mask));
        }
    }

    int size() {
        return movies.size();
    }

    /** 1–3 distinct genres (48% / 35% / 17%), the first by MovieLens frequency, the others favouring usual pairs. */
    private static int[] drawGenres(SplittableRandom random) {
        int roll = random.nextInt(100);
        int count = roll < 48 ? 1 : roll < 83 ? 2 : 3;
        int[] chosen = new int[count];
        chosen[0] = Rng.weighted(random, GENRE_FREQUENCY);
        if (chosen[0] == 7) {
            return new int[] {7}; // documentaries rarely have a second genre
        }
        for (int k = 1; k < count; k++) {
            double[] weights = GENRE_FREQUENCY.clone();
            weights[7] = 0;
            for (int j = 0; j < k; j++) {
                weights[chosen[j]] = 0;
                for (int[] pair : PAIRS) {
                    if (pair[0] == chosen[j] || pair[1] == chosen[j]) {
                        int other = pair[0] == chosen[j] ? pair[1] : pair[0];
                        weights[other] *= pair[2] / 10.0;
                    }
                }
            }
            for (int j = 0; j < k; j++) {
                weights[chosen[j]] = 0;
            }
            chosen[k] = Rng.weighted(random, weights);
        }
        return chosen;
    }

    /** 70% from the 1990s as in MovieLens-100k; the rest older, thinning out towards 1930. */
    private static int drawYear(SplittableRandom random) {
        if (random.nextInt(100) < 70) {
            return RECENT_YEARS[Rng.weighted(random, RECENT_WEIGHTS)];
        }
        while (true) {
            int year = 1989 - (int) (-14.0 * StrictMath.log(1.0 - random.nextDouble()));
            if (year >= 1930) {
                return year;
            }
        }
    }

    static boolean contains(int[] values, int wanted) {
        for (int v : values) {
            if (v == wanted) {
                return true;
            }
        }
        return false;
    }
}
