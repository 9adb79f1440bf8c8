package privrec.client.ui;

import java.util.List;

import org.teavm.jso.dom.html.HTMLElement;

import privrec.client.app.RatingRow;

/** "My ratings": every rating, newest first, with star buttons to change it and a Remove button. */
final class RatingsPage implements Page {
    private final Shell shell;

    RatingsPage(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void render(HTMLElement main) {
        main.appendChild(MovieCards.undoBar(shell));
        List<RatingRow> rows = shell.app.ratings();
        if (rows.isEmpty()) {
            HTMLElement none = Dom.text("p", "notice", "You have not rated any movies yet.");
            Dom.testId(none, "ratings-empty");
            main.appendChild(none);
        }
        HTMLElement list = Dom.el("ul", "cards");
        Dom.testId(list, "ratings-list");
        list.setAttribute("data-count", String.valueOf(rows.size()));
        for (RatingRow row : rows) {
            HTMLElement li = Dom.el("li", "card compact");
            Dom.testId(li, "rating-row");
            li.setAttribute("data-movie-id", String.valueOf(row.movieId()));
            li.setAttribute("data-stars", String.valueOf(row.stars()));
            li.appendChild(MovieCards.title("h2", row.title(), row.year()));
            HTMLElement actions = MovieCards.actions(shell, row.movieId(), row.title(), row.stars(), false);
            HTMLElement remove = Dom.button("Remove", "remove-rating", "dismiss", () ->
                    shell.submit(() -> shell.app.removeRating(row.movieId())));
            remove.setAttribute("aria-label", "Remove your rating of " + row.title());
            remove.setAttribute("data-focus-key", "remove-" + row.movieId());
            actions.appendChild(remove);
            li.appendChild(actions);
            list.appendChild(li);
        }
        main.appendChild(list);
    }
}
