package privrec.spark;

import java.util.List;

import privrec.core.Encoder;
import privrec.core.ItemScorer;
import privrec.trainer.model.UserPositives;

/** How "the same model" is checked: both scorers on real users' graded histories and profiles. */
final class SparkEquivalence {
    static final int USERS_COMPARED = 256;

    private SparkEquivalence() {
    }

    /** Largest |a − b| over every item score of the users (their weighted ratings and profiles as the input). */
    static double maxAbsDiff(ItemScorer a, ItemScorer b, List<UserPositives> users, int n) {
        int width = Encoder.profileWidth();
        float[] history = new float[users.size() * n];
        float[] profile = new float[users.size() * width];
        for (int r = 0; r < users.size(); r++) {
            UserPositives user = users.get(r);
            for (int k = 0; k < user.weightedColumns().length; k++) {
                history[r * n + user.weightedColumns()[k]] = user.weights()[k];
            }
            System.arraycopy(Encoder.encodeProfile(user.profile()), 0, profile, r * width, width);
        }
        float[] sa = a.score(history, profile, users.size());
        float[] sb = b.score(history, profile, users.size());
        double max = 0;
        for (int i = 0; i < sa.length; i++) {
            max = Math.max(max, Math.abs((double) sa[i] - sb[i]));
        }
        return max;
    }
}
