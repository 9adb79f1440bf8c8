package privrec.client.ui;

import privrec.client.text.Numbers;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.teavm.jso.dom.html.HTMLElement;

import privrec.client.app.RecCard;

/**
 * Recommendation cards kept between renders. After a rating most of the top 20 are the same movies in a new
 * order with new scores, so a re-rank moves the existing cards and rewrites only their score and reason, instead
 * of rebuilding ~16 elements per card: that is most of the click → re-ranked list time. Cleared on lock, so no
 * element (and no text) of one profile survives into the next.
 */
final class CardCache {
    /** Shown in place of a reason until it is computed. */
    static final String PENDING_REASON = "Finding why…";

    private final Map<Integer, Entry> entries = new HashMap<>();
    private Set<Integer> used = new HashSet<>();

    /** The parts of a card that change with a re-rank. */
    static final class Entry {
        HTMLElement card;
        HTMLElement reason;
        HTMLElement meter;
        HTMLElement score;
        RecCard shown;
    }

    /** The card for {@code rec} at {@code rank}, reused and updated when this movie was shown before. */
    HTMLElement card(Shell shell, RecCard rec, int rank) {
        Entry entry = entries.get(rec.movieId());
        if (entry == null) {
            entry = MovieCards.recommendation(shell, rec);
            entries.put(rec.movieId(), entry);
        } else {
            update(entry, rec);
        }
        entry.card.setAttribute("data-rank", String.valueOf(rank));
        used.add(rec.movieId());
        return entry.card;
    }

    private static void update(Entry entry, RecCard rec) {
        RecCard old = entry.shown;
        if (!Objects.equals(old.reason(), rec.reason())) {
            showReason(entry.reason, rec.reason());
        }
        if (old.score() != rec.score()) {
            entry.score.setAttribute("data-score", String.valueOf(rec.score()));
        }
        if (old.match() != rec.match()) {
            entry.meter.setAttribute("value", Numbers.fixed(rec.match(), 3));
            entry.meter.setTextContent(Numbers.fixed(rec.match() * 100, 0) + "%");
        }
        entry.shown = rec;
    }

    /** Fills in the reason of every shown card whose reason was pending, from {@code explained} (same movies). */
    void fillReasons(List<RecCard> explained) {
        for (RecCard rec : explained) {
            Entry entry = entries.get(rec.movieId());
            if (entry != null && entry.shown.reasonPending() && !rec.reasonPending()) {
                showReason(entry.reason, rec.reason());
                entry.shown = entry.shown.withReason(rec.reason());
            }
        }
    }

    /** The reasons could not be computed: no card keeps saying it is still looking. */
    void abandonPendingReasons() {
        for (Entry entry : entries.values()) {
            if (entry.shown.reasonPending()) {
                showReason(entry.reason, "");
                entry.shown = entry.shown.withReason("");
            }
        }
    }

    /**
     * A card's reason line: the sentence, or while it is being computed {@link #PENDING_REASON} with
     * {@code data-reason-pending="true"} (and {@code aria-busy}).
     */
    static void showReason(HTMLElement element, String reason) {
        if (reason == null) {
            element.setTextContent(PENDING_REASON);
            element.setClassName("reason pending");
            element.setAttribute("data-reason-pending", "true");
            element.setAttribute("aria-busy", "true");
        } else {
            element.setTextContent(reason);
            element.setClassName("reason");
            element.removeAttribute("data-reason-pending");
            element.removeAttribute("aria-busy");
        }
    }

    /** Forgets cards not shown in the render that just finished (rated, dismissed or fallen out of the top). */
    void endRender() {
        entries.keySet().retainAll(used);
        used = new HashSet<>();
    }

    void clear() {
        entries.clear();
        used = new HashSet<>();
    }
}
