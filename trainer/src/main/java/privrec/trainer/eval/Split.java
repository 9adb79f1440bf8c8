package privrec.trainer.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import privrec.trainer.model.UserPositives;

/**
 * Strong-generalization splits (docs/evaluation-protocol.md): users with at least {@link #MIN_POSITIVES} positives
 * are shuffled with the seed and dealt into folds; each test user's positives are shuffled from the same random
 * stream and the first {@code round(0.8·n)} (at least 1) become the fold-in history, the rest the targets.
 */
public final class Split {
    public static final int MIN_POSITIVES = 5;
    public static final double FOLD_IN_FRACTION = 0.8;

    /** A test user: fold-in columns (what the model may see) and target columns (what it should find). */
    public record TestUser(UserPositives user, int[] foldIn, int[] targets) {
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

    /** The {@code folds} train/test folds of the protocol. */
    public static List<Fold> folds(List<UserPositives> users, int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("folds " + folds + " must be at least 2");
        }
        List<UserPositives> kept = eligible(users);
        Random random = new Random(seed);
        int[] fold = foldOf(kept.size(), folds, random);
        // Fold-in/target split of every user, drawn from the same stream in user order.
        List<TestUser> split = new ArrayList<>(kept.size());
        for (UserPositives user : kept) {
            split.add(splitUser(user, random));
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
}
