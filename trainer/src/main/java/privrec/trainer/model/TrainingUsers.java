package privrec.trainer.model;

import java.util.Collection;
import java.util.List;

import privrec.core.Profile;

/**
 * The users a model is trained on, reduced to what training, tuning and evaluation ask of them: sums over users
 * (Gram products, popularity, profile groups, counts) and a few users gathered by position (validation and test
 * users). Every user has at least one positive, and "order" is the order the users were given in (ascending user
 * id for {@link Interactions}), which positions, sums and random hold-outs follow.
 *
 * <p>Two implementations: {@link InMemoryUsers} (a list, the single-machine trainer) and the Spark trainer's
 * distributed users (trainer-spark), which computes each sum partition by partition. Because {@link ModelTrainer}
 * only goes through this interface, both train the same model from the same users.
 */
public interface TrainingUsers {
    int itemCount();

    /** How many users. */
    int size();

    /** How many users have at least {@link privrec.trainer.model.Split#MIN_POSITIVES} positives. */
    int eligibleCount();

    /** The eligible users at these positions of the eligible users' order (0-based), in the order asked. */
    List<UserPositives> eligibleAt(int[] positions);

    /** Only the eligible users, order kept. */
    TrainingUsers eligibleOnly();

    /** All but {@code removed} (matched by user id), order kept. */
    TrainingUsers without(Collection<UserPositives> removed);

    /**
     * The graded training matrix, every weight raised to {@code power} ({@link SparseRowMatrix#historyWeighted}),
     * as Gram products.
     */
    GramOperator historyWeighted(float power);

    /** Positive counts per column ({@link Interactions#popularity}). */
    int[] popularity();

    /** The profile model's sufficient statistics ({@link ProfileGroup#of}). */
    List<ProfileGroup> profileGroups();

    /** Total positives over all users. */
    long positives();

    /** Total ratings of non-zero history weight over all users. */
    long weightedRatings();

    /** Every user's profile, in order (verification draws real profiles from it). */
    List<Profile> profiles();

    /** Frees what this set holds beyond its users (cached distributed data); the set must not be used after. */
    default void release() {
    }
}
