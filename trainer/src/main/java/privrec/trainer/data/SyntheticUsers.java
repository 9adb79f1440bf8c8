package privrec.trainer.data;

import java.util.SplittableRandom;

import privrec.core.Encoder;
import privrec.core.Genres;
import privrec.core.Profile;

/**
 * Synthetic users: a MovieLens-100k-like profile (71% men, ages 7–73 peaking in the late twenties, occupations
 * in MovieLens proportions and consistent with age) and a hidden taste that the profile partly predicts — the
 * genre shifts below follow well-known audience patterns, so a profile-only (cold start) model has something to
 * learn, while per-user noise keeps most of the taste personal, as in real data.
 */
final class SyntheticUsers {
    private static final int[][] AGE_RANGES = {{7, 17}, {18, 24}, {25, 34}, {35, 44}, {45, 49}, {50, 55}, {56, 73}};
    private static final double[] AGE_WEIGHTS = {6, 24, 33, 19, 8, 6, 4};
    /** Users per occupation in MovieLens-100k, in Encoder.OCCUPATIONS order. */
    private static final double[] OCCUPATION_COUNTS = {79, 28, 7, 95, 67, 18, 32, 16, 7, 12, 51, 26, 9, 105, 66, 14,
            12, 31, 196, 27, 45};
    private static final int ACTION = 1, ADVENTURE = 2, ANIMATION = 3, CHILDRENS = 4, COMEDY = 5, CRIME = 6,
            DOCUMENTARY = 7, DRAMA = 8, NOIR = 10, HORROR = 11, MUSICAL = 12, MYSTERY = 13, ROMANCE = 14,
            SCIFI = 15, THRILLER = 16, WAR = 17, WESTERN = 18;

    final Profile[] profiles;
    final double[] genreTaste;   // per user: one weight per genre, row-major (Genres.NAMES.size() columns)
    final double[] factors;      // per user: SyntheticCatalog.FACTORS free taste dimensions
    final double[] eraTaste;     // per user: > 0 prefers recent films; older users lean to older films
    final double[] bias;         // per user: generous or harsh rater

    SyntheticUsers(SplittableRandom random, int count) {
        int genreCount = Genres.NAMES.size();
        profiles = new Profile[count];
        genreTaste = new double[count * genreCount];
        factors = new double[count * SyntheticCatalog.FACTORS];
        eraTaste = new double[count];
        bias = new double[count];
        for (int u = 0; u < count; u++) {
            int[] range = AGE_RANGES[Rng.weighted(random, AGE_WEIGHTS)];
            int age = range[0] + random.nextInt(range[1] - range[0] + 1);
            String gender = random.nextInt(100) < 71 ? "M" : "F";
            String occupation = Encoder.OCCUPATIONS.get(Rng.weighted(random, occupationWeights(age, gender)));
            profiles[u] = new Profile(age, gender, occupation);
            double[] shift = demographicShift(age, gender, occupation);
            for (int g = 1; g < genreCount; g++) {
                genreTaste[u * genreCount + g] = shift[g] + 0.7 * Rng.gaussian(random);
            }
            for (int f = 0; f < SyntheticCatalog.FACTORS; f++) {
                factors[u * SyntheticCatalog.FACTORS + f] = Rng.gaussian(random);
            }
            eraTaste[u] = -0.5 * (age - 32) / 15.0 + 0.3 * Rng.gaussian(random);
            bias[u] = 0.4 * Rng.gaussian(random);
        }
    }

    /** Students are young, retirees old, homemakers mostly women (all as in MovieLens-100k). */
    private static double[] occupationWeights(int age, String gender) {
        double[] w = OCCUPATION_COUNTS.clone();
        int student = Encoder.OCCUPATIONS.indexOf("student");
        int retired = Encoder.OCCUPATIONS.indexOf("retired");
        int none = Encoder.OCCUPATIONS.indexOf("none");
        int homemaker = Encoder.OCCUPATIONS.indexOf("homemaker");
        if (age < 18) {
            double[] young = new double[w.length];
            young[student] = 85;
            young[none] = 10;
            young[Encoder.OCCUPATIONS.indexOf("other")] = 5;
            return young;
        }
        w[student] *= age <= 24 ? 4 : age <= 29 ? 1 : 0.1;
        w[retired] *= age >= 60 ? 30 : age >= 50 ? 2 : 0;
        w[homemaker] *= gender.equals("F") ? 3 : 0.3;
        return w;
    }

    /** How a profile shifts genre taste (in units of the per-user spread, 0.7). */
    static double[] demographicShift(int age, String gender, String occupation) {
        double[] s = new double[Genres.NAMES.size()];
        if (gender.equals("F")) {
            add(s, 0.6, ROMANCE); add(s, 0.3, DRAMA); add(s, 0.4, MUSICAL); add(s, 0.3, CHILDRENS);
            add(s, -0.4, ACTION); add(s, -0.4, SCIFI); add(s, -0.3, HORROR); add(s, -0.4, WAR);
            add(s, -0.4, WESTERN); add(s, -0.1, CRIME);
        } else {
            add(s, 0.2, ACTION); add(s, 0.2, SCIFI); add(s, 0.15, WAR); add(s, 0.1, WESTERN); add(s, -0.2, ROMANCE);
        }
        double young = Math.max(-1.5, Math.min(1.5, (30 - age) / 12.0)); // > 0 for the young, < 0 for the old
        add(s, 0.3 * young, COMEDY); add(s, 0.4 * young, HORROR); add(s, 0.2 * young, ACTION);
        add(s, 0.2 * young, SCIFI); add(s, 0.2 * young, ANIMATION); add(s, -0.2 * young, DRAMA);
        add(s, -0.5 * young, NOIR); add(s, -0.3 * young, WAR); add(s, -0.4 * young, WESTERN);
        add(s, -0.2 * young, MYSTERY); add(s, -0.2 * young, MUSICAL);
        switch (occupation) { // weak on purpose: occupation says less about taste than age or gender
            case "programmer", "engineer", "scientist", "technician" -> { add(s, 0.3, SCIFI); add(s, 0.1, DOCUMENTARY); }
            case "artist", "writer", "entertainment" -> { add(s, 0.2, DRAMA); add(s, 0.3, NOIR); add(s, 0.3, DOCUMENTARY); }
            case "educator", "librarian" -> { add(s, 0.3, DOCUMENTARY); add(s, 0.2, DRAMA); add(s, 0.2, MYSTERY); }
            case "homemaker" -> { add(s, 0.4, CHILDRENS); add(s, 0.2, ROMANCE); add(s, 0.2, MUSICAL); }
            case "student" -> { add(s, 0.2, COMEDY); add(s, 0.1, HORROR); }
            case "retired" -> { add(s, 0.3, WESTERN); add(s, 0.3, WAR); add(s, 0.2, MUSICAL); }
            case "lawyer", "executive", "administrator" -> { add(s, 0.2, CRIME); add(s, 0.2, THRILLER); }
            case "healthcare", "doctor" -> { add(s, 0.2, DRAMA); add(s, 0.1, MYSTERY); }
            case "salesman", "marketing" -> { add(s, 0.2, ACTION); add(s, 0.1, COMEDY); add(s, 0.1, ADVENTURE); }
            default -> { }
        }
        return s;
    }

    private static void add(double[] shift, double amount, int genre) {
        shift[genre] += amount;
    }
}
