package privrec.client.ui;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.teavm.jso.dom.html.HTMLElement;

import privrec.client.app.Numbers;
import privrec.client.app.RecCard;

/**
 * Recommendation cards kept between renders. After a rating most of the top 20 are the same movies in a new
 * order with new scores, so a re-rank moves the existing cards and rewrites only their score and reason, instead
 * of rebuilding ~16 elements per card: that is most of the click → re-ranked list time. Cleared on lock, so no
 * element (and no text) of one profile survives into the next.
 */
final class CardCache {
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
        if (!old.reason().equals(rec.reason())) {
            entry.reason.setTextContent(rec.reason());
        }
        if (old.score() != rec.score()) {
            entry.score.setTextContent("model score " + Numbers.fixed(rec.score(), 3));
            entry.score.setAttribute("data-score", String.valueOf(rec.score()));
        }
        if (old.match() != rec.match()) {
            entry.meter.setAttribute("value", Numbers.fixed(rec.match(), 3));
            entry.meter.setTextContent(Numbers.fixed(rec.match() * 100, 0) + "%");
        }
        entry.shown = rec;
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
