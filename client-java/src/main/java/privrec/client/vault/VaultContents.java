package privrec.client.vault;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import privrec.core.Catalog;
import privrec.core.Item;
import privrec.core.Profile;
import privrec.core.Rating;

/**
 * Everything one user keeps in their vault. Immutable: the {@code with...} methods return a new value, which the
 * caller then passes to {@link UnlockedVault#save}.
 *
 * @param profile   the optional profile; {@link Profile#EMPTY} when none (null is turned into EMPTY)
 * @param ratings   at most one rating per movie, in the order they were first rated (oldest first)
 * @param dismissed movie ids marked "not interested", no duplicates, in the order dismissed
 * @param settings  free-form UI settings (key → value), insertion order kept
 * @param contributions opt-in contributions: settings and ledger ({@link ContributionLedger#OFF} when none)
 */
public record VaultContents(Profile profile, List<RatedMovie> ratings, List<Integer> dismissed,
                            Map<String, String> settings, ContributionLedger contributions) {
    public static final VaultContents EMPTY = new VaultContents(Profile.EMPTY, List.of(), List.of(), Map.of());

    /** Contents without contribution data: contributions off ({@link ContributionLedger#OFF}). */
    public VaultContents(Profile profile, List<RatedMovie> ratings, List<Integer> dismissed,
                         Map<String, String> settings) {
        this(profile, ratings, dismissed, settings, ContributionLedger.OFF);
    }

    public VaultContents {
        profile = profile == null ? Profile.EMPTY : profile;
        contributions = contributions == null ? ContributionLedger.OFF : contributions;
        ratings = List.copyOf(ratings == null ? List.of() : ratings);
        dismissed = List.copyOf(dismissed == null ? List.of() : dismissed);
        Map<String, String> copy = new LinkedHashMap<>();
        if (settings != null) {
            for (Map.Entry<String, String> e : settings.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    throw new IllegalArgumentException("settings may not hold null keys or values");
                }
                copy.put(e.getKey(), e.getValue());
            }
        }
        settings = Collections.unmodifiableMap(copy);
        Set<Integer> seen = new HashSet<>();
        for (RatedMovie r : ratings) {
            if (!seen.add(r.movieId())) {
                throw new IllegalArgumentException("movie " + r.movieId() + " is rated twice");
            }
        }
        if (new HashSet<>(dismissed).size() != dismissed.size()) {
            throw new IllegalArgumentException("a movie is dismissed twice");
        }
    }

    /** The rating for {@code movieId}, or null when the movie is not rated. */
    public RatedMovie findRating(int movieId) {
        for (RatedMovie r : ratings) {
            if (r.movieId() == movieId) {
                return r;
            }
        }
        return null;
    }

    /** Adds a rating, or replaces the rating of the same movie in place (keeping its position). */
    public VaultContents withRating(RatedMovie rating) {
        List<RatedMovie> next = new ArrayList<>(ratings);
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).movieId() == rating.movieId()) {
                next.set(i, rating);
                return new VaultContents(profile, next, dismissed, settings, contributions);
            }
        }
        next.add(rating);
        return new VaultContents(profile, next, dismissed, settings, contributions);
    }

    /**
     * Every rating without a stored title gets the catalog's title and year, when the catalog has the movie; the
     * same value when nothing changes.
     */
    public VaultContents withMissingTitles(Catalog catalog) {
        List<RatedMovie> next = new ArrayList<>(ratings.size());
        boolean changed = false;
        for (RatedMovie r : ratings) {
            Item item = r.title() == null ? catalog.byId(r.movieId()) : null;
            RatedMovie titled = item == null ? r : r.withTitleIfMissing(item.title(), item.year());
            changed |= titled != r;
            next.add(titled);
        }
        return changed ? new VaultContents(profile, next, dismissed, settings, contributions) : this;
    }

    /** Removes the rating of {@code movieId}; unchanged when there is none. */
    public VaultContents withoutRating(int movieId) {
        List<RatedMovie> next = new ArrayList<>(ratings);
        next.removeIf(r -> r.movieId() == movieId);
        return new VaultContents(profile, next, dismissed, settings, contributions);
    }

    /** Marks {@code movieId} as "not interested"; unchanged when already dismissed. */
    public VaultContents withDismissed(int movieId) {
        if (dismissed.contains(movieId)) {
            return this;
        }
        List<Integer> next = new ArrayList<>(dismissed);
        next.add(movieId);
        return new VaultContents(profile, ratings, next, settings, contributions);
    }

    /** Undoes {@link #withDismissed}. */
    public VaultContents withoutDismissed(int movieId) {
        List<Integer> next = new ArrayList<>(dismissed);
        next.remove(Integer.valueOf(movieId));
        return new VaultContents(profile, ratings, next, settings, contributions);
    }

    public VaultContents withProfile(Profile next) {
        return new VaultContents(next, ratings, dismissed, settings, contributions);
    }

    /** Sets one setting; a null value removes it. */
    public VaultContents withSetting(String key, String value) {
        Map<String, String> next = new LinkedHashMap<>(settings);
        if (value == null) {
            next.remove(key);
        } else {
            next.put(key, value);
        }
        return new VaultContents(profile, ratings, dismissed, next, contributions);
    }

    public VaultContents withContributions(ContributionLedger next) {
        return new VaultContents(profile, ratings, dismissed, settings, next);
    }

    /** The ratings as the core pipeline takes them (oldest first). */
    public List<Rating> coreRatings() {
        List<Rating> out = new ArrayList<>(ratings.size());
        for (RatedMovie r : ratings) {
            out.add(r.toRating());
        }
        return out;
    }

    /** The dismissed ids as the core pipeline takes them. */
    public Set<Integer> dismissedSet() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(dismissed));
    }
}
