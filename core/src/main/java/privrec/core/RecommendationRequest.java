package privrec.core;

import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * What the browser asks the pipeline for.
 *
 * @param ratings   the user's ratings (rated items are never recommended), oldest first
 * @param profile   the optional profile ({@link Profile#EMPTY} when none)
 * @param dismissed movie ids marked "not interested" (never recommended)
 * @param count     how many recommendations at most
 * @param genre     genre index in {@link Genres#NAMES} to restrict to, or -1 for any
 */
public record RecommendationRequest(List<Rating> ratings, Profile profile, Set<Integer> dismissed, int count, int genre) {
    public RecommendationRequest {
        ratings = ratings == null ? Collections.emptyList() : ratings;
        profile = profile == null ? Profile.EMPTY : profile;
        dismissed = dismissed == null ? Collections.emptySet() : dismissed;
        if (count < 0 || count > 10_000) {
            throw new IllegalArgumentException("count " + count + " is outside 0..10000");
        }
        if (genre < -1 || genre >= Genres.NAMES.size()) {
            throw new IllegalArgumentException("genre " + genre + " is outside -1.." + (Genres.NAMES.size() - 1));
        }
    }
}
