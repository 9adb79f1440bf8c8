package privrec.client.ui;

import java.util.List;

import org.teavm.jso.dom.html.HTMLElement;

import privrec.client.app.Numbers;
import privrec.client.app.RecCard;
import privrec.client.app.Titles;
import privrec.core.Item;

/** Cards and rows for movies, shared by home, search, onboarding and "My ratings". Titles go in as text only. */
final class MovieCards {
    private MovieCards() {
    }

    /**
     * A recommendation: title, year, genres, match meter + raw model score, reason, stars, "Not interested".
     * Returned with handles on the parts a re-rank changes (see {@link CardCache}).
     */
    static CardCache.Entry recommendation(Shell shell, RecCard card) {
        CardCache.Entry entry = new CardCache.Entry();
        HTMLElement li = Dom.el("li", "card");
        Dom.testId(li, "rec-card");
        li.setAttribute("data-movie-id", String.valueOf(card.movieId()));
        li.appendChild(title("h2", card.title(), card.year()));
        li.appendChild(genres(card.genres()));
        entry.reason = Dom.el("p", "reason");
        Dom.testId(entry.reason, "reason");
        CardCache.showReason(entry.reason, card.reason());
        li.appendChild(entry.reason);
        li.appendChild(score(card, entry));
        li.appendChild(actions(shell, card.movieId(), card.title(), 0, true));
        entry.card = li;
        entry.shown = card;
        return entry;
    }

    /** A movie found by search or offered in onboarding. */
    static HTMLElement item(Shell shell, Item item, String testId, boolean offerDismiss) {
        HTMLElement li = Dom.el("li", "card compact");
        Dom.testId(li, testId);
        li.setAttribute("data-movie-id", String.valueOf(item.id()));
        li.appendChild(title("h2", item.title(), item.year()));
        li.appendChild(genres(item.genres()));
        float stars = shell.app.starsOf(item.id());
        if (stars > 0) {
            li.appendChild(Dom.text("p", "rated", "You rated it " + privrec.client.app.Stars.text(stars) + "."));
        }
        li.appendChild(actions(shell, item.id(), item.title(), stars, offerDismiss));
        return li;
    }

    static HTMLElement title(String tag, String title, int year) {
        HTMLElement heading = Dom.el(tag, "card-title");
        HTMLElement name = Dom.text("span", "title", title);
        Dom.testId(name, "title");
        heading.appendChild(name);
        if (year > 0 && !Titles.hasYear(title, year)) {
            heading.appendChild(Dom.text("span", "year", " (" + year + ")"));
        }
        return heading;
    }

    private static HTMLElement genres(List<String> genres) {
        HTMLElement p = Dom.text("p", "genres", String.join(" · ", genres));
        Dom.testId(p, "genres");
        return p;
    }

    /**
     * The score, honestly: the raw number is labelled "model score" (it is not a star prediction), and the meter
     * only places it between the lowest and highest score in this list.
     */
    private static HTMLElement score(RecCard card, CardCache.Entry entry) {
        HTMLElement box = Dom.el("div", "score");
        String meterId = Dom.uniqueId("match");
        HTMLElement label = Dom.text("label", "score-label", "Match in this list");
        label.setAttribute("for", meterId);
        HTMLElement meter = Dom.el("meter", null);
        meter.setId(meterId);
        meter.setAttribute("min", "0");
        meter.setAttribute("max", "1");
        meter.setAttribute("value", Numbers.fixed(card.match(), 3));
        meter.setTextContent(Numbers.fixed(card.match() * 100, 0) + "%");
        HTMLElement raw = Dom.text("span", "raw-score", "model score " + Numbers.fixed(card.score(), 3));
        Dom.testId(raw, "score");
        raw.setAttribute("data-score", String.valueOf(card.score()));
        box.appendChild(label);
        box.appendChild(meter);
        box.appendChild(raw);
        entry.meter = meter;
        entry.score = raw;
        return box;
    }

    /** Five star buttons (the current rating pressed) and optionally "Not interested". */
    static HTMLElement actions(Shell shell, int movieId, String title, float current, boolean offerDismiss) {
        HTMLElement row = Dom.el("div", "actions");
        HTMLElement group = Dom.el("div", "stars");
        group.setAttribute("role", "group");
        group.setAttribute("aria-label", "Rate " + title);
        for (int stars = 1; stars <= 5; stars++) {
            int value = stars;
            HTMLElement button = Dom.button(stars + "★", "rate-" + stars, "star", () ->
                    shell.submit(() -> shell.app.rate(movieId, value)));
            button.setAttribute("aria-label", "Rate " + title + " " + stars + " of 5 stars");
            button.setAttribute("aria-pressed", current == stars ? "true" : "false");
            button.setAttribute("data-focus-key", "rate-" + stars + "-" + movieId);
            group.appendChild(button);
        }
        row.appendChild(group);
        if (offerDismiss) {
            HTMLElement dismiss = Dom.button("Not interested", "dismiss", "dismiss", () ->
                    shell.submit(() -> shell.app.dismiss(movieId)));
            dismiss.setAttribute("aria-label", "Not interested in " + title);
            dismiss.setAttribute("data-focus-key", "dismiss-" + movieId);
            row.appendChild(dismiss);
        }
        return row;
    }

    /** "Rated Heat 4 stars [Undo]" when there is something to undo. */
    static HTMLElement undoBar(Shell shell) {
        String label = shell.app.undoLabel();
        HTMLElement bar = Dom.el("div", "undo-bar");
        Dom.testId(bar, "undo-bar");
        if (label == null) {
            bar.setHidden(true);
            return bar;
        }
        bar.appendChild(Dom.text("span", "undo-label", label + "."));
        HTMLElement undo = Dom.button("Undo", "undo", "undo", () -> shell.submit(shell.app::undo));
        undo.setAttribute("aria-label", "Undo: " + label);
        undo.setAttribute("data-focus-key", "undo");
        bar.appendChild(undo);
        return bar;
    }
}
