package privrec.client.ui;

import privrec.client.text.Titles;

import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

import privrec.client.app.ModelStatus;
import privrec.client.app.MovieDetails;
import privrec.client.app.Queries;
import privrec.client.text.Stars;
import privrec.core.Item;

/**
 * A movie ({@code #/movie/<id>}): year, genres, popularity, your rating in half stars, "Not interested", and
 * "more like this" — computed here from the model (one run with this movie alone as the history), no request.
 */
final class MoviePage implements Page {
    private final Shell shell;
    private final MovieDetails movie;

    MoviePage(Shell shell) {
        this.shell = shell;
        this.movie = shell.app.model().isReady() ? shell.app.queries().movie(shell.routeMovieId()) : null;
    }

    @Override
    public String heading() {
        return movie == null ? null : privrec.client.text.Titles.withYear(movie.item().title(), movie.item().year());
    }

    @Override
    public void render(HTMLElement main) {
        main.appendChild(MovieCards.undoBar(shell));
        ModelStatus model = shell.app.model();
        if (!model.isReady()) {
            HTMLElement wait = Dom.text("p", "notice", model.message());
            Dom.testId(wait, "model-wait");
            main.appendChild(wait);
            return;
        }
        if (movie == null) {
            HTMLElement none = Dom.text("p", "notice", "This catalog has no movie with that address.");
            Dom.testId(none, "movie-missing");
            main.appendChild(none);
            return;
        }
        Item item = movie.item();
        HTMLElement facts = Dom.el("dl", "facts");
        Dom.testId(facts, "movie-facts");
        fact(facts, "Year", item.year() > 0 ? String.valueOf(item.year()) : "unknown");
        fact(facts, "Genres", String.join(", ", item.genres()));
        fact(facts, "Popularity", item.popularity() == 1 ? "liked by 1 person in the training data"
                : "liked by " + item.popularity() + " people in the training data");
        fact(facts, "Your rating", movie.yourStars() > 0 ? Stars.text(movie.yourStars()) : "not rated");
        main.appendChild(facts);
        main.appendChild(ratingControl(item));
        main.appendChild(similar());
    }

    private static void fact(HTMLElement dl, String label, String value) {
        dl.appendChild(Dom.text("dt", null, label));
        HTMLElement dd = Dom.text("dd", null, value);
        dd.setAttribute("data-label", label);
        dl.appendChild(dd);
    }

    /** A select from ½ to 5 stars in half steps (keyboard: arrows or type), plus "Not interested". */
    private HTMLElement ratingControl(Item item) {
        HTMLElement box = Dom.el("div", "movie-actions");
        HTMLElement row = Dom.el("div", "field inline");
        String[][] options = new String[11][];
        options[0] = new String[] {"0", "Not rated"};
        for (int half = 1; half <= 10; half++) {
            options[half] = new String[] {String.valueOf(half), Stars.text(half / 2f)};
        }
        HTMLSelectElement select = Dom.select(row, "Your rating", "movie-rating", "movie-rating", options);
        select.setValue(String.valueOf((int) (movie.yourStars() * 2)));
        select.setAttribute("data-focus-key", "movie-rating");
        select.addEventListener("change", (EventListener<Event>) e -> {
            int halves = Integer.parseInt(select.getValue());
            shell.submit(() -> halves == 0
                    ? shell.app.edits().removeRating(item.id())
                    : shell.app.edits().rate(item.id(), halves / 2f));
        });
        box.appendChild(row);
        HTMLElement toggle = movie.dismissed()
                ? Dom.button("Recommend again", "restore-dismissed", "dismiss", () ->
                        shell.submit(() -> shell.app.edits().restore(item.id())))
                : Dom.button("Not interested", "dismiss", "dismiss", () ->
                        shell.submit(() -> shell.app.edits().dismiss(item.id())));
        box.appendChild(toggle);
        return box;
    }

    private HTMLElement similar() {
        HTMLElement section = Dom.el("section", "similar");
        section.setAttribute("aria-labelledby", "similar-heading");
        HTMLElement heading = Dom.text("h2", "section-title", "More like this");
        heading.setId("similar-heading");
        section.appendChild(heading);
        section.appendChild(Dom.text("p", "hint", "The " + Queries.MORE_LIKE_THIS + " movies the model links most "
                + "closely to this one, worked out in this browser from the model alone."));
        HTMLElement list = Dom.el("ol", "cards");
        Dom.testId(list, "similar-list");
        for (Item other : movie.moreLikeThis()) {
            list.appendChild(MovieCards.item(shell, other, "similar-card",
                    !shell.app.queries().isDismissed(other.id()), "h3"));
        }
        section.appendChild(list);
        return section;
    }
}
