package privrec.trainer.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;

import privrec.trainer.model.Split;

/**
 * The validation hold-out inside a set of training users: strong generalization once more, so that every choice
 * (the model's λ and β, and the EASE yardstick's λ) is made without looking at test users. The same users, seed and
 * fraction always give the same split, so the model and the EASE baseline are tuned on exactly the same validation
 * users.
 *
 * <p>Works on any {@link TrainingUsers} (in memory or distributed): the hold-out is the first users of the
 * eligible users shuffled with the split's random stream ({@link Shuffle#positions} draws exactly what
 * {@code Collections.shuffle} would), so both trainers hold out the same users.
 *
 * @param fit        training users minus the held-out ones (what a tuning candidate is trained on)
 * @param validation the held-out users, whole
 * @param heldOut    validation users, each split into fold-in and targets as in the protocol
 */
public record ValidationSplit(TrainingUsers fit, List<UserPositives> validation, List<Split.TestUser> heldOut) {
    static final int MIN_VALIDATION_USERS = 10;
    /**
     * Scoring a validation user costs O(n·k) per grid cell: on a 60,000-movie synthetic set 2,000 validation users
     * took most of the training time. 1,000 users already pin NDCG@100 down to about ±0.01.
     */
    static final int MAX_VALIDATION_USERS = 1000;
    private static final long VALIDATION_SALT = 0x5eed_7a11L;
    /**
     * Hold-outs (different random users each) whose validation NDCG@100 is averaged by every tuner. With one
     * hold-out of ~75 users on ml-100k the λ × α × γ × β grid chose noisy cells; see docs/quality-experiments.md.
     */
    public static final int REPEATS = 3;

    /**
     * The {@code repeat}-th hold-out of {@code fraction} of the eligible users (at most {@link #MAX_VALIDATION_USERS});
     * null when fewer than {@link #MIN_VALIDATION_USERS} would be held out.
     */
    public static ValidationSplit of(TrainingUsers users, double fraction, long seed, int repeat) {
        int eligible = users.eligibleCount();
        int validationCount = validationCount(eligible, fraction);
        if (validationCount < MIN_VALIDATION_USERS) {
            return null;
        }
        Random random = new Random(seed ^ (VALIDATION_SALT + repeat));
        int[] positions = Arrays.copyOf(Shuffle.positions(eligible, random), validationCount);
        List<UserPositives> validation = users.eligibleAt(positions);
        List<Split.TestUser> heldOut = new ArrayList<>();
        for (UserPositives user : validation) {
            heldOut.add(Split.splitUser(user, random));
        }
        return new ValidationSplit(users.without(validation), validation, heldOut);
    }

    /**
     * All {@link #REPEATS} hold-outs together are at most this share of the eligible users when tuning may fit once
     * without all of them instead of once per hold-out: with the hold-out capped at {@link #MAX_VALIDATION_USERS},
     * from 60,000 eligible users on; never on ml-100k or the default synthetic set (1,000 users or fewer).
     */
    static final double SHARED_FIT_MAX_SHARE = 0.05;

    /** Whether the hold-outs of every repeat together are a small enough share of the users to share one fit. */
    public static boolean canShareFit(TrainingUsers users, double fraction) {
        int eligible = users.eligibleCount();
        return possible(users, fraction)
                && (double) REPEATS * validationCount(eligible, fraction) <= SHARED_FIT_MAX_SHARE * eligible;
    }

    /** True when {@link #of} would hold some users out (without computing the split). */
    public static boolean possible(TrainingUsers users, double fraction) {
        return validationCount(users.eligibleCount(), fraction) >= MIN_VALIDATION_USERS;
    }

    private static int validationCount(int eligible, double fraction) {
        return Math.min(MAX_VALIDATION_USERS, (int) Math.round(fraction * eligible));
    }

    /** The same split of users held in a list ({@code itemCount} is the catalog size). */
    public static ValidationSplit of(List<UserPositives> users, int itemCount, double fraction, long seed, int repeat) {
        return of(new InMemoryUsers(users, itemCount), fraction, seed, repeat);
    }

    /** {@code users} minus the held-out ones, order kept (for baselines that need the users themselves). */
    public List<UserPositives> fitUsers(List<UserPositives> users) {
        Set<UserPositives> held = Collections.newSetFromMap(new IdentityHashMap<>());
        held.addAll(validation);
        List<UserPositives> kept = new ArrayList<>(users.size());
        for (UserPositives user : users) {
            if (!held.contains(user)) {
                kept.add(user);
            }
        }
        return kept;
    }
}
