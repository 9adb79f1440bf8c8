package privrec.spark;

import java.io.Serializable;

import privrec.core.Encoder;
import privrec.core.Profile;
import privrec.trainer.model.Split;
import privrec.trainer.model.UserPositives;

/**
 * One training user as Spark holds it: {@link UserPositives} in a serializable shape (records are not), the
 * profile packed into a small code. Built once from the user's ratings by the trainer's own
 * {@link UserPositives#fromRatings}, so positives and history weights are the single-machine trainer's.
 */
final class UserRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int GENDERS = 3;
    private static final int OCCUPATIONS = Encoder.OCCUPATIONS.size() + 1;

    final int userId;
    final short profileCode;
    final int[] columns;
    final float[] stars;
    final int[] weightedColumns;
    final float[] weights;

    UserRow(UserPositives user) {
        this.userId = user.userId();
        this.profileCode = encode(user.profile());
        this.columns = user.columns();
        this.stars = user.stars();
        this.weightedColumns = user.weightedColumns();
        this.weights = user.weights();
    }

    boolean eligible() {
        return columns.length >= Split.MIN_POSITIVES;
    }

    UserPositives positives() {
        return new UserPositives(userId, profile(), columns, stars, weightedColumns, weights);
    }

    Profile profile() {
        return decode(profileCode);
    }

    /** age (0..120) × gender (none, F, M) × occupation (none or one of {@link Encoder#OCCUPATIONS}): fits a short. */
    static short encode(Profile profile) {
        int gender = profile.gender() == null ? 0 : profile.gender().equals("F") ? 1 : 2;
        int occupation = profile.occupation() == null ? 0 : 1 + Encoder.OCCUPATIONS.indexOf(profile.occupation());
        return (short) ((profile.age() * GENDERS + gender) * OCCUPATIONS + occupation);
    }

    static Profile decode(short code) {
        int occupation = code % OCCUPATIONS;
        int rest = code / OCCUPATIONS;
        int gender = rest % GENDERS;
        int age = rest / GENDERS;
        return new Profile(age, gender == 0 ? null : gender == 1 ? "F" : "M",
                occupation == 0 ? null : Encoder.OCCUPATIONS.get(occupation - 1));
    }
}
