package privrec.client.ui;

import privrec.client.text.Stars;

import privrec.client.text.Numbers;
import java.util.List;

import org.teavm.jso.dom.html.HTMLElement;

import privrec.client.app.RecCard;
import privrec.client.text.Titles;
import privrec.core.Item;

/** Cards and rows for movies, shared by home, search, onboarding and "My ratings". Titles go in as text only. */
final class MovieCards {
    private MovieCards() {
    }

    /**
     * A recommendation: title (a link to its page), year, genres, match meter, reason, stars, "Not interested".
     * Returned with handles on the parts a re-rank changes (see {@link CardCache}).
     */
    static CardCache.Entry recommendation(Shell shell, RecCard card) {
        CardCache.Entry entry = new CardCache.Entry();
        HTMLElement li = Dom.el("li", "card");
        Dom.testId(li, "rec-card");
        li.setAttribute("data-movie-id", String.valueOf(card.movieId()));
        li.appendChild(title(shell, "h3", card.movieId(), card.title(), card.year()));
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

    /** A movie found by search, browsing or offered in onboarding; {@code level} is its heading tag. */
    static HTMLElement item(Shell shell, Item item, String testId, boolean offerDismiss, String level) {
        HTMLElement li = Dom.el("li", "card compact");
        Dom.testId(li, testId);
        li.setAttribute("data-movie-id", String.valueOf(item.id()));
        li.setAttribute("data-year", String.valueOf(item.year()));
        li.appendChild(title(shell, level, item.id(), item.title(), item.year()));
        li.appendChild(genres(item.genres()));
        float stars = shell.app.queries().starsOf(item.id());
        if (stars > 0) {
            li.appendChild(Dom.text("p", "rated", "You rated it " + privrec.client.text.Stars.text(stars) + "."));
        }
        li.appendChild(actions(shell, item.id(), item.title(), stars, offerDismiss));
        return li;
    }

    /** The card's heading; the title links to the movie's page ({@code #/movie/<id>}). */
    static HTMLElement title(Shell shell, String tag, int movieId, String title, int year) {
        HTMLElement heading = Dom.el(tag, "card-title");
        HTMLElement name = shell.link(title, Route.movie(movieId), "title");
        Dom.testId(name, "title");
        name.setAttribute("data-focus-key", "title-" + movieId);
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
     * The match, honestly: the meter only places this movie between the lowest and highest score in this list (the
     * raw score is not a star prediction, so it is not shown; the Model page explains it). The raw number stays
     * in {@code data-score} of a hidden element, for tests that compare it with ONNX Runtime Java.
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
        HTMLElement raw = Dom.el("span", "raw-score");
        raw.setHidden(true);
        Dom.testId(raw, "score");
        raw.setAttribute("data-score", String.valueOf(card.score()));
        box.appendChild(label);
        box.appendChild(meter);
        box.appendChild(raw);
        entry.meter = meter;
        entry.score = raw;
        return box;
    }

    /**
     * Five star buttons for a quick whole-star rating (the current rating pressed; a half-star rating presses the
     * star below it) and optionally "Not interested". Half stars are set on the movie's page.
     */
    static HTMLElement actions(Shell shell, int movieId, String title, float current, boolean offerDismiss) {
        HTMLElement row = Dom.el("div", "actions");
        HTMLElement group = Dom.el("div", "stars");
        group.setAttribute("role", "group");
        group.setAttribute("aria-label", "Rate " + title);
        for (int stars = 1; stars <= 5; stars++) {
            int value = stars;
            HTMLElement button = Dom.button(stars + "★", "rate-" + stars, "star", () ->
                    shell.submit(() -> shell.app.edits().rate(movieId, value)));
            button.setAttribute("aria-label", "Rate " + title + " " + stars + " of 5 stars");
            button.setAttribute("aria-pressed", Math.floor(current) == stars ? "true" : "false");
            button.setAttribute("data-focus-key", "rate-" + stars + "-" + movieId);
            group.appendChild(button);
        }
        row.appendChild(group);
        if (offerDismiss) {
            HTMLElement dismiss = Dom.button("Not interested", "dismiss", "dismiss", () ->
                    shell.submit(() -> shell.app.edits().dismiss(movieId)));
            dismiss.setAttribute("aria-label", "Not interested in " + title);
            dismiss.setAttribute("data-focus-key", "dismiss-" + movieId);
            row.appendChild(dismiss);
        }
        return row;
    }

    /** "Rated Heat 4 stars [Undo]" when there is something to undo. */
    static HTMLElement undoBar(Shell shell) {
        String label = shell.app.edits().undoLabel();
        HTMLElement bar = Dom.el("div", "undo-bar");
        Dom.testId(bar, "undo-bar");
        if (label == null) {
            bar.setHidden(true);
            return bar;
        }
        bar.appendChild(Dom.text("span", "undo-label", label + "."));
        HTMLElement undo = Dom.button("Undo", "undo", "undo", () -> shell.submit(shell.app.edits()::undo));
        undo.setAttribute("aria-label", "Undo: " + label);
        undo.setAttribute("data-focus-key", "undo");
        bar.appendChild(undo);
        return bar;
    }
}
