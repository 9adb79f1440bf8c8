package privrec.client.app;

import privrec.client.text.Titles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import privrec.client.vault.RatedMovie;
import privrec.core.Catalog;
import privrec.core.Item;
import privrec.core.Profile;
import privrec.core.Rating;
import privrec.core.Reason;
import privrec.core.Recommendation;
import privrec.core.RecommendationRequest;
import privrec.core.Recommender;
import privrec.core.TopN;

/**
 * What the views show, computed on the device from the open profile and the model: recommendations (ranked,
 * then explained), the catalog to browse, a movie with "more like this", search, ratings and the privacy report.
 * Nothing here changes data. Methods that score block in the browser (one onnxruntime-web run each).
 */
public final class Queries {
    /** How many movies "more like this" shows. */
    public static final int MORE_LIKE_THIS = 10;
    /**
     * The weight of the one movie in a "more like this" history: that of a 4-star rating, which the encoder maps to
     * exactly 1, so the scores are the model's item-to-item row for that movie (plus the shared empty-profile part).
     */
    public static final float MORE_LIKE_THIS_STARS = 4f;

    private final AppContext context;
    private final Settings settings;

    Queries(AppContext context, Settings settings) {
        this.context = context;
        this.settings = settings;
    }

    /** Top recommendations for the saved genre filter, with reasons; empty until the model is ready. */
    public List<RecCard> recommendations() {
        Session s = context.requireSession();
        if (!context.model.isReady()) {
            return new ArrayList<>();
        }
        return Ranking.recommend(context.model.recommender(), s.contents(), context.model.withdrawn(),
                settings.genreFilter());
    }

    /**
     * The same recommendations as {@link #recommendations()} without their reasons (one scoring run, the part the
     * user waits for); {@link #explain} computes the reasons afterwards. Empty until the model is ready.
     */
    public RankedList rankRecommendations() {
        Session s = context.requireSession();
        if (!context.model.isReady()) {
            return new RankedList(new ArrayList<>(), null, new ArrayList<>(), s, context.revision);
        }
        RecommendationRequest request = Ranking.request(s.contents(), context.model.withdrawn(),
                settings.genreFilter());
        Recommender.PendingRank started = context.prefetch.take(context, request);
        List<Recommendation> ranked = started != null ? started.await() : context.model.recommender().rank(request);
        return new RankedList(Ranking.cards(ranked), request, ranked, s, context.revision);
    }

    /**
     * {@code list}'s cards with their reasons (one batched model run, growing with the number of liked movies), or
     * null when the list is stale: the profile was locked or its data changed since it was ranked.
     */
    public List<RecCard> explain(RankedList list) {
        if (!isCurrent(list)) {
            return null;
        }
        if (!list.needsReasons()) {
            return list.cards();
        }
        Reason[] reasons = context.model.recommender().explain(list.request, list.ranked);
        // Scoring awaited the model: check again that nothing changed meanwhile.
        return isCurrent(list) ? Ranking.withReasons(list.cards(), reasons) : null;
    }

    private boolean isCurrent(RankedList list) {
        return list != null && context.session != null && list.session == context.session
                && list.revision == context.revision && context.model.isReady();
    }

    /**
     * The offered catalog (withdrawn movies left out) filtered and sorted; {@link Browse.Sort#MATCH} scores it once
     * for the open profile.
     */
    public Browse.Page browse(Browse query) {
        if (!context.model.isReady()) {
            return new Browse.Page(new ArrayList<>(), 0, 0);
        }
        Catalog catalog = context.model.catalog();
        List<Item> hits = new ArrayList<>();
        for (Item item : catalog.items()) {
            if (context.model.isOffered(item) && matches(item, query)) {
                hits.add(item);
            }
        }
        Comparator<Item> byPopularity = (a, b) -> b.popularity() != a.popularity()
                ? Integer.compare(b.popularity(), a.popularity()) : Integer.compare(a.index(), b.index());
        Comparator<Item> order = switch (query.sort()) {
            case POPULARITY -> byPopularity;
            case YEAR -> Comparator.comparingInt((Item i) -> -i.year()).thenComparing(byPopularity);
            case TITLE -> Comparator.comparing((Item i) -> Titles.sortKey(i.title())).thenComparing(byPopularity);
            case MATCH -> {
                Session s = context.requireSession();
                float[] scores = context.model.recommender().scores(s.contents().coreRatings(), s.contents().profile());
                yield (a, b) -> scores[a.index()] != scores[b.index()]
                        ? Float.compare(scores[b.index()], scores[a.index()]) : Integer.compare(a.index(), b.index());
            }
        };
        hits.sort(order);
        int from = Math.min(hits.size(), query.page() * Browse.PAGE_SIZE);
        int to = Math.min(hits.size(), from + Browse.PAGE_SIZE);
        return new Browse.Page(new ArrayList<>(hits.subList(from, to)), hits.size(), query.page());
    }

    private static boolean matches(Item item, Browse query) {
        if (query.fromYear() > 0 && item.year() < query.fromYear()) {
            return false;
        }
        if (query.toYear() > 0 && (item.year() == 0 || item.year() > query.toYear())) {
            return false;
        }
        if (query.genres().isEmpty()) {
            return true;
        }
        for (int genre : query.genres()) {
            if (item.hasGenre(genre)) {
                return true;
            }
        }
        return false;
    }

    /** A movie page; null when the release does not offer such a movie. One model run for "more like this". */
    public MovieDetails movie(int movieId) {
        if (!context.model.isReady()) {
            return null;
        }
        Item item = context.model.offered(movieId);
        if (item == null) {
            return null;
        }
        return new MovieDetails(item, starsOf(movieId), isDismissed(movieId), moreLikeThis(item));
    }

    /**
     * The {@value #MORE_LIKE_THIS} movies the model scores highest for a history holding this movie alone (and no
     * profile), the movie itself and withdrawn movies excluded; ties broken as {@link TopN} does everywhere.
     */
    public List<Item> moreLikeThis(Item item) {
        Catalog catalog = context.model.catalog();
        float[] scores = context.model.recommender().scores(
                List.of(new Rating(item.id(), MORE_LIKE_THIS_STARS)), Profile.EMPTY);
        boolean[] excluded = new boolean[catalog.size()];
        excluded[item.index()] = true;
        for (int id : context.model.withdrawn()) {
            int column = catalog.tryIndexOf(id);
            if (column >= 0) {
                excluded[column] = true;
            }
        }
        List<Item> similar = new ArrayList<>();
        for (int column : TopN.select(scores, excluded, MORE_LIKE_THIS, null)) {
            similar.add(catalog.get(column));
        }
        return similar;
    }

    /** Offered titles containing {@code query}: the total, and the first {@code limit} to show. */
    public SearchResults search(String query, int limit) {
        if (!context.model.isReady()) {
            return new SearchResults(new ArrayList<>(), 0);
        }
        List<Item> all = context.model.search().findAll(query);
        if (!context.model.withdrawn().isEmpty()) {
            all = new ArrayList<>(all);
            all.removeIf(item -> !context.model.isOffered(item));
        }
        return new SearchResults(new ArrayList<>(all.subList(0, Math.min(limit, all.size()))), all.size());
    }

    public List<Item> onboardingCandidates(int count) {
        return context.model.isReady()
                ? Ranking.wellKnown(context.model.catalog(), context.requireSession().contents(),
                        context.model.withdrawn(), count)
                : new ArrayList<>();
    }

    /** How "My ratings" can be ordered. */
    public enum RatingOrder {
        NEWEST("Newest first"), TITLE("Title A–Z"), STARS("Most stars first");

        public final String label;

        RatingOrder(String label) {
            this.label = label;
        }
    }

    public List<RatingRow> ratings(RatingOrder order) {
        List<RatingRow> rows = Ranking.ratingRows(context.model, context.requireSession().contents());
        switch (order) {
            case NEWEST -> rows.sort(Comparator.comparingDouble((RatingRow r) -> -r.ratedAtMillis()));
            case TITLE -> rows.sort(Comparator.comparing((RatingRow r) -> Titles.sortKey(r.title())));
            case STARS -> rows.sort(Comparator.comparingDouble((RatingRow r) -> -r.stars())
                    .thenComparing(r -> Titles.sortKey(r.title())));
        }
        return rows;
    }

    /**
     * The "Not interested" list, most recent first, as catalog items (movies the release does not offer are left
     * out: they are never recommended anyway, and stay in the vault).
     */
    public List<Item> notInterested() {
        List<Integer> ids = context.requireSession().contents().dismissed();
        List<Item> items = new ArrayList<>();
        for (int i = ids.size() - 1; i >= 0; i--) {
            Item item = context.model.offered(ids.get(i));
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    /** Stars given to a movie, or 0 when unrated. */
    public float starsOf(int movieId) {
        RatedMovie rated = context.session == null ? null : context.session.contents().findRating(movieId);
        return rated == null ? 0 : rated.stars();
    }

    public boolean isDismissed(int movieId) {
        return context.session != null && context.session.contents().dismissed().contains(movieId);
    }

    public Profile profile() {
        return context.requireSession().contents().profile();
    }

    public PrivacyReport privacy() {
        Session s = context.requireSession();
        return PrivacyReport.of(s.contents(), context.model, s.vault().storedBytes(),
                context.network.requests());
    }

    /** Requests the page made; shown on the privacy page even while locked. */
    public List<NetworkLog.Request> requests() {
        return context.network.requests();
    }
}
