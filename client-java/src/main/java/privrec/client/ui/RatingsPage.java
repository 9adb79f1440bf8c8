package privrec.client.ui;

import java.util.List;

import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

import privrec.client.app.Queries;
import privrec.client.app.RatingRow;
import privrec.client.text.Stars;
import privrec.core.Item;

/**
 * "My ratings": every rating (sortable by date, title or stars) with star buttons to change it and a Remove
 * button; then the "Not interested" list, where any movie can be put back into recommendations.
 */
final class RatingsPage implements Page {
    private final Shell shell;

    RatingsPage(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void render(HTMLElement main) {
        main.appendChild(MovieCards.undoBar(shell));
        List<RatingRow> rows = shell.app.queries().ratings(shell.drafts.ratingOrder);
        HTMLElement section = Dom.el("section", "panel-plain");
        section.setAttribute("aria-labelledby", "rated-heading");
        HTMLElement heading = Dom.text("h2", "section-title", "Rated (" + rows.size() + ")");
        heading.setId("rated-heading");
        section.appendChild(heading);
        if (rows.isEmpty()) {
            HTMLElement none = Dom.text("p", "notice", "You have not rated any movies yet.");
            Dom.testId(none, "ratings-empty");
            section.appendChild(none);
        } else {
            section.appendChild(orderChoice());
        }
        HTMLElement list = Dom.el("ul", "cards");
        Dom.testId(list, "ratings-list");
        list.setAttribute("data-count", String.valueOf(rows.size()));
        for (RatingRow row : rows) {
            HTMLElement li = Dom.el("li", "card compact");
            Dom.testId(li, "rating-row");
            li.setAttribute("data-movie-id", String.valueOf(row.movieId()));
            li.setAttribute("data-stars", String.valueOf(row.stars()));
            li.setAttribute("data-offered", String.valueOf(row.offered()));
            if (row.offered()) {
                li.appendChild(MovieCards.title(shell, "h3", row.movieId(), row.title(), row.year()));
            } else {
                // No link: the release has no page for it. The rating stays and can be changed or removed.
                HTMLElement gone = Dom.text("h3", "card-title", row.displayTitle());
                Dom.testId(gone, "title");
                li.appendChild(gone);
            }
            li.appendChild(Dom.text("p", "rated", "You rated it " + Stars.text(row.stars()) + "."));
            HTMLElement actions = MovieCards.actions(shell, row.movieId(), row.displayTitle(), row.stars(), false);
            HTMLElement remove = Dom.button("Remove", "remove-rating", "dismiss", () ->
                    shell.submit(() -> shell.app.edits().removeRating(row.movieId())));
            remove.setAttribute("aria-label", "Remove your rating of " + row.displayTitle());
            remove.setAttribute("data-focus-key", "remove-" + row.movieId());
            actions.appendChild(remove);
            li.appendChild(actions);
            list.appendChild(li);
        }
        section.appendChild(list);
        main.appendChild(section);
        main.appendChild(notInterested());
    }

    private HTMLElement orderChoice() {
        HTMLElement row = Dom.el("div", "field inline");
        Queries.RatingOrder[] orders = Queries.RatingOrder.values();
        String[][] options = new String[orders.length][];
        for (int i = 0; i < orders.length; i++) {
            options[i] = new String[] {orders[i].name(), orders[i].label};
        }
        HTMLSelectElement select = Dom.select(row, "Sort by", "ratings-order", "ratings-order", options);
        select.setValue(shell.drafts.ratingOrder.name());
        select.setAttribute("data-focus-key", "ratings-order");
        select.addEventListener("change", (EventListener<Event>) e -> {
            shell.drafts.ratingOrder = Queries.RatingOrder.valueOf(select.getValue());
            shell.refresh();
        });
        return row;
    }

    private HTMLElement notInterested() {
        List<Item> items = shell.app.queries().notInterested();
        HTMLElement section = Dom.el("section", "panel-plain");
        section.setAttribute("aria-labelledby", "dismissed-heading");
        HTMLElement heading = Dom.text("h2", "section-title", "Not interested (" + items.size() + ")");
        heading.setId("dismissed-heading");
        section.appendChild(heading);
        if (items.isEmpty()) {
            section.appendChild(Dom.text("p", "hint",
                    "Movies you mark “Not interested” are listed here and never recommended until you put them back."));
        }
        HTMLElement list = Dom.el("ul", "cards");
        Dom.testId(list, "dismissed-list");
        list.setAttribute("data-count", String.valueOf(items.size()));
        for (Item item : items) {
            HTMLElement li = Dom.el("li", "card compact");
            Dom.testId(li, "dismissed-row");
            li.setAttribute("data-movie-id", String.valueOf(item.id()));
            li.appendChild(MovieCards.title(shell, "h3", item.id(), item.title(), item.year()));
            HTMLElement restore = Dom.button("Recommend again", "restore-dismissed", "dismiss", () ->
                    shell.submit(() -> shell.app.edits().restore(item.id())));
            restore.setAttribute("aria-label", "Recommend " + item.title() + " again");
            restore.setAttribute("data-focus-key", "restore-" + item.id());
            HTMLElement actions = Dom.el("div", "actions");
            actions.appendChild(restore);
            li.appendChild(actions);
            list.appendChild(li);
        }
        section.appendChild(list);
        return section;
    }
}
