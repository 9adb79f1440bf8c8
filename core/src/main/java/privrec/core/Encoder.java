package privrec.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Turns what the browser holds about a user (ratings and optional profile) into the model's two input rows.
 * This is the contract between trainer and browser: bump {@link #VERSION} whenever the encoding changes, and the
 * browser refuses models built for another version.
 *
 * <ul>
 *   <li>{@code history}: one float per catalog item (model column order): {@link #historyWeight} of the user's
 *       stars for each rated item, 0 for unrated items. Ratings of 2.5 stars or less weigh 0, so they carry no
 *       signal into the model; like every rating they still exclude the item from recommendations.</li>
 *   <li>{@code profile}: one-hot age bucket, gender and occupation, in the order of {@link #PROFILE_FEATURES}
 *       (alphabetical, because Tribuo's ONNX export orders input columns by sorted feature name).</li>
 * </ul>
 */
public final class Encoder {
    /**
     * Version of this encoding; stored in the manifest. 1: 0/1 positives. 2: graded {@link #historyWeight} of every
     * rating.
     */
    public static final int VERSION = 2;

    /** The scale's midpoint: ratings at or below it weigh 0 in the history. */
    private static final float NEUTRAL_STARS = 2.5f;
    /** Stars from the midpoint to a 4-star rating, so that 4 stars weigh exactly 1 (a version-1 positive). */
    private static final float WEIGHT_UNIT = 1.5f;

    /**
     * Ratings at or above this are positives: 4 and 5 on a 1–5 scale, 3.5 and up on half-star data. Positives are
     * the evaluation targets, the profile model's targets and the "liked" movies that explanations name; the
     * history input is graded ({@link #historyWeight}).
     */
    public static final float POSITIVE_THRESHOLD = 3.5f;

    /** MovieLens-100k occupations, sorted. */
    public static final List<String> OCCUPATIONS = Collections.unmodifiableList(Arrays.asList(
            "administrator", "artist", "doctor", "educator", "engineer", "entertainment", "executive",
            "healthcare", "homemaker", "lawyer", "librarian", "marketing", "none", "other", "programmer",
            "retired", "salesman", "scientist", "student", "technician", "writer"));

    /** Lower bounds of the age buckets (MovieLens-1M's buckets); bucket i holds ages [AGE_BOUNDS[i], AGE_BOUNDS[i+1]). */
    private static final int[] AGE_BOUNDS = {1, 18, 25, 35, 45, 50, 56};
    private static final String[] AGE_NAMES = {"under18", "18to24", "25to34", "35to44", "45to49", "50to55", "56plus"};

    /** Profile input column names, in column order (sorted). */
    public static final List<String> PROFILE_FEATURES = buildProfileFeatures();

    private Encoder() {
    }

    private static List<String> buildProfileFeatures() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < AGE_NAMES.length; i++) {
            names.add("age_" + (i + 1) + "_" + AGE_NAMES[i]);
        }
        names.add("gender_f");
        names.add("gender_m");
        for (String occupation : OCCUPATIONS) {
            names.add("occupation_" + occupation);
        }
        return Collections.unmodifiableList(names);
    }

    public static int profileWidth() {
        return PROFILE_FEATURES.size();
    }

    /** Age bucket 0..6 for an age in years, or -1 for "not given" (0). */
    public static int ageBucket(int age) {
        if (age <= 0) {
            return -1;
        }
        int bucket = 0;
        for (int i = 0; i < AGE_BOUNDS.length; i++) {
            if (age >= AGE_BOUNDS[i]) {
                bucket = i;
            }
        }
        return bucket;
    }

    public static boolean isPositive(float stars) {
        return stars >= POSITIVE_THRESHOLD;
    }

    /**
     * A rating's value in the history row (and in the training matrix, which must use the same weights):
     * {@code max(0, (stars − 2.5) / 1.5)}, i.e. linear in the stars above the scale's midpoint, normalised so that
     * 4 stars weigh 1. So 3 ★ = 1/3, 3.5 ★ = 2/3, 4 ★ = 1, 4.5 ★ = 4/3, 5 ★ = 5/3, and 2.5 ★ or less = 0.
     *
     * <p>Why graded: a 0/1 positive treats a lukewarm 3.5 like a favourite 5 and throws a mildly liked 3 away. EASE
     * style models are linear in the history, so a weight says how strongly a rating should pull its neighbours;
     * a fixed rule (not fitted to any test data) that grows with the stars keeps that information. Weights are
     * zero, not negative, at and below the midpoint: a disliked movie is excluded from recommendations but does not
     * push its neighbours down.
     */
    public static float historyWeight(float stars) {
        return stars <= NEUTRAL_STARS ? 0f : (stars - NEUTRAL_STARS) / WEIGHT_UNIT;
    }

    /**
     * The history row: {@link #historyWeight} of the stars for each rated catalog item (0 for 2.5 stars or less);
     * ratings of items not in the catalog are ignored. When an item appears more than once, the last rating wins.
     */
    public static float[] encodeHistory(List<Rating> ratings, Catalog catalog) {
        float[] row = new float[catalog.size()];
        for (Rating rating : ratings) {
            int column = catalog.tryIndexOf(rating.itemId());
            if (column >= 0) {
                row[column] = historyWeight(rating.stars());
            }
        }
        return row;
    }

    /** The profile row (all zeros for an empty profile). */
    public static float[] encodeProfile(Profile profile) {
        float[] row = new float[profileWidth()];
        if (profile == null) {
            return row;
        }
        int bucket = ageBucket(profile.age());
        if (bucket >= 0) {
            row[bucket] = 1f;
        }
        if ("F".equals(profile.gender())) {
            row[AGE_NAMES.length] = 1f;
        } else if ("M".equals(profile.gender())) {
            row[AGE_NAMES.length + 1] = 1f;
        }
        if (profile.occupation() != null) {
            row[AGE_NAMES.length + 2 + OCCUPATIONS.indexOf(profile.occupation())] = 1f;
        }
        return row;
    }
}
