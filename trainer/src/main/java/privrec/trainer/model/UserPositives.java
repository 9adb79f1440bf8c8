package privrec.trainer.model;

import privrec.core.Profile;

/**
 * One user's positive ratings (stars at or above {@link privrec.core.Encoder#POSITIVE_THRESHOLD}), as catalog
 * columns in ascending order, with the stars given (kept so evaluation can hand real ratings to the pipeline).
 *
 * @param userId  the data set's user id (training only; never exported)
 * @param profile the user's profile, {@link Profile#EMPTY} when unknown
 * @param columns positively rated catalog columns, ascending, no duplicates
 * @param stars   stars for each column
 */
public record UserPositives(int userId, Profile profile, int[] columns, float[] stars) {
    public UserPositives {
        LatestRatings.requireAscending(userId, columns, stars);
    }

    public int size() {
        return columns.length;
    }
}
