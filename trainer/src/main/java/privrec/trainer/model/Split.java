package privrec.trainer.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import privrec.core.Encoder;
import privrec.trainer.model.UserPositives;

/**
 * Strong-generalization splits (docs/evaluation.md): users with at least {@link #MIN_POSITIVES} positives
 * are shuffled with the seed and dealt into folds; each test user's positives are shuffled from the same random
 * stream and the first {@code round(0.8·n)} (at least 1) become the fold-in history, the rest the targets.
 *
 * <p>{@link Mode#ALL_RATINGS} is the protocol's variant for models that use low ratings: the same users, folds and
 * random stream, but each test user's <em>all</em> ratings are shuffled and cut; the fold-in part (low ratings
 * included) is what the model sees and what is excluded from the ranking, and the targets are the positives among
 * the held-out rest.
 */
public final class Split {
    public static final int MIN_POSITIVES = 5;
    public static final double FOLD_IN_FRACTION = 0.8;

    /** Which of a test user's ratings are split into fold-in and held-out parts. */
    public enum Mode {
        /** The documented protocol: only positives are split; low ratings are ignored. */
        POSITIVES("positives"),
        /** All ratings are split; fold-in low ratings are seen (and excluded), targets are held-out positives. */
        ALL_RATINGS("all-ratings");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        /** The CLI and JSON spelling. */
        public String label() {
            return label;
        }

        public static Mode parse(String value) {
            for (Mode mode : values()) {
                if (mode.label.equals(value)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("split '" + value + "' is not one of positives, all-ratings");
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * A test user: fold-in columns (what the model may see, and what is excluded from its ranking) with their stars,
     * and target columns (what it should find). Under {@link Mode#POSITIVES} every fold-in star is a positive; under
     * {@link Mode#ALL_RATINGS} fold-in may hold low ratings too.
     */
    public record TestUser(UserPositives user, int[] foldIn, int[] targets, float[] foldInStars) {
        public TestUser {
            if (foldIn.length != foldInStars.length) {
                throw new IllegalArgumentException("user " + user.userId() + ": " + foldIn.length + " fold-in columns but "
                        + foldInStars.length + " stars");
            }
        }

        /** Fold-in of positives only: the stars are the user's own. */
        public TestUser(UserPositives user, int[] foldIn, int[] targets) {
            this(user, foldIn, targets, starsOf(user.columns(), user.stars(), foldIn));
        }
    }

    /** One fold: its training users and its test users. */
    public record Fold(List<UserPositives> training, List<TestUser> test) {
    }

    private Split() {
    }

    public static List<UserPositives> eligible(List<UserPositives> users) {
        List<UserPositives> kept = new ArrayList<>();
        for (UserPositives user : users) {
            if (user.size() >= MIN_POSITIVES) {
                kept.add(user);
            }
        }
        return kept;
    }

    public static int foldInSize(int positives) {
        return Math.max(1, (int) Math.round(FOLD_IN_FRACTION * positives));
    }

    /** Fold index per eligible user (in the order of {@code eligible}), by shuffled position modulo folds. */
    public static int[] foldOf(int users, int folds, Random random) {
        List<Integer> order = new ArrayList<>(users);
        for (int i = 0; i < users; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        int[] fold = new int[users];
        for (int p = 0; p < users; p++) {
            fold[order.get(p)] = p % folds;
        }
        return fold;
    }

    /** The {@code folds} train/test folds of the protocol ({@link Mode#POSITIVES}). */
    public static List<Fold> folds(List<UserPositives> users, int folds, long seed) {
        return folds(users, folds, seed, null);
    }

    /**
     * The {@code folds} train/test folds. With {@code allRatings} null, the documented protocol ({@link
     * Mode#POSITIVES}); otherwise {@link Mode#ALL_RATINGS}, with every user's ratings looked up by user id. Users,
     * folds and training users are the same in both modes (the user filter stays "at least 5 positives" and the fold
     * assignment is drawn first); only the test users' fold-in/target cut differs.
     */
    public static List<Fold> folds(List<UserPositives> users, int folds, long seed, Map<Integer, UserRatings> allRatings) {
        if (folds < 2) {
            throw new IllegalArgumentException("folds " + folds + " must be at least 2");
        }
        List<UserPositives> kept = eligible(users);
        Random random = new Random(seed);
        int[] fold = foldOf(kept.size(), folds, random);
        // Fold-in/target split of every user, drawn from the same stream in user order.
        List<TestUser> split = new ArrayList<>(kept.size());
        for (UserPositives user : kept) {
            if (allRatings == null) {
                split.add(splitUser(user, random));
            } else {
                UserRatings all = allRatings.get(user.userId());
                if (all == null) {
                    throw new IllegalArgumentException("no ratings for user " + user.userId());
                }
                split.add(splitAllRatings(user, all, random));
            }
        }
        List<Fold> result = new ArrayList<>(folds);
        for (int f = 0; f < folds; f++) {
            List<UserPositives> training = new ArrayList<>();
            List<TestUser> test = new ArrayList<>();
            for (int u = 0; u < kept.size(); u++) {
                if (fold[u] == f) {
                    test.add(split.get(u));
                } else {
                    training.add(kept.get(u));
                }
            }
            result.add(new Fold(training, test));
        }
        return result;
    }

    /** Shuffles the user's positives and cuts them into fold-in and targets (both returned ascending). */
    public static TestUser splitUser(UserPositives user, Random random) {
        List<Integer> columns = new ArrayList<>(user.size());
        for (int c : user.columns()) {
            columns.add(c);
        }
        Collections.shuffle(columns, random);
        int cut = foldInSize(columns.size());
        int[] foldIn = new int[cut];
        int[] targets = new int[columns.size() - cut];
        for (int i = 0; i < columns.size(); i++) {
            if (i < cut) {
                foldIn[i] = columns.get(i);
            } else {
                targets[i - cut] = columns.get(i);
            }
        }
        Arrays.sort(foldIn);
        Arrays.sort(targets);
        return new TestUser(user, foldIn, targets);
    }

    /**
     * Shuffles all of the user's ratings (low ones too) and cuts them: the first {@code round(0.8·n)} (at least 1)
     * ratings are the fold-in (columns ascending, with their stars); the positives among the rest are the targets
     * (ascending; possibly none).
     */
    public static TestUser splitAllRatings(UserPositives user, UserRatings all, Random random) {
        if (all.userId() != user.userId()) {
            throw new IllegalArgumentException("ratings of user " + all.userId() + " given for user " + user.userId());
        }
        List<Integer> order = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        int cut = foldInSize(order.size());
        int[] foldIn = new int[cut];
        List<Integer> held = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            int r = order.get(i);
            if (i < cut) {
                foldIn[i] = all.columns()[r];
            } else if (Encoder.isPositive(all.stars()[r])) {
                held.add(all.columns()[r]);
            }
        }
        Arrays.sort(foldIn);
        int[] targets = held.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new TestUser(user, foldIn, targets, starsOf(all.columns(), all.stars(), foldIn));
    }

    /** Stars of {@code wanted} (ascending, a subset of {@code columns}, which is ascending). */
    private static float[] starsOf(int[] columns, float[] stars, int[] wanted) {
        float[] out = new float[wanted.length];
        int p = 0;
        for (int i = 0; i < wanted.length; i++) {
            while (p < columns.length && columns[p] != wanted[i]) {
                p++;
            }
            if (p == columns.length) {
                throw new IllegalArgumentException("column " + wanted[i] + " is not rated");
            }
            out[i] = stars[p];
        }
        return out;
    }
}
