package privrec.client.ui;

import java.util.HashSet;
import java.util.Set;

import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

import privrec.client.app.Browse;
import privrec.client.app.ModelStatus;
import privrec.core.Genres;
import privrec.core.Item;

/**
 * The whole catalog: filter by one or more genres (a movie in any of them matches) and a year range, sort by
 * popularity, year, title or predicted match, 20 a page. The query lives in {@code Shell.Drafts} (never in the
 * address: it is the user's, and the app keeps nothing of theirs outside the vault and this page's memory).
 */
final class BrowsePage implements Page {
    private final Shell shell;

    BrowsePage(Shell shell) {
        this.shell = shell;
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
        Browse query = shell.drafts.browse;
        main.appendChild(filters(query));
        Browse.Page page = shell.app.queries().browse(query);
        HTMLElement section = Dom.el("section", "browse-results");
        section.setAttribute("aria-labelledby", "browse-summary");
        HTMLElement summary = Dom.text("h2", "section-title", page.total() == 0 ? "No movies match these filters."
                : (page.total() == 1 ? "1 movie" : page.total() + " movies") + " · page " + (page.page() + 1)
                + " of " + page.pages());
        summary.setId("browse-summary");
        Dom.testId(summary, "browse-summary");
        summary.setAttribute("data-total", String.valueOf(page.total()));
        section.appendChild(summary);
        HTMLElement list = Dom.el("ul", "cards");
        Dom.testId(list, "browse-list");
        for (Item item : page.items()) {
            list.appendChild(MovieCards.item(shell, item, "browse-card", !shell.app.queries().isDismissed(item.id()),
                    "h3"));
        }
        section.appendChild(list);
        section.appendChild(pager(query, page));
        main.appendChild(section);
    }

    private HTMLElement filters(Browse query) {
        HTMLElement form = Dom.el("form", "browse-filters");
        form.setAttribute("aria-label", "Filters");
        form.addEventListener("submit", (EventListener<Event>) Event::preventDefault);

        HTMLElement genres = Dom.el("fieldset", "genre-choices");
        genres.appendChild(Dom.text("legend", null, "Genres (any of)"));
        for (int g = 1; g < Genres.NAMES.size(); g++) {
            int genre = g;
            HTMLElement label = Dom.el("label", "check");
            HTMLInputElement box = (HTMLInputElement) Dom.el("input", null);
            box.setType("checkbox");
            Dom.testId(box, "browse-genre-" + g);
            box.setAttribute("data-focus-key", "browse-genre-" + g);
            box.setChecked(query.genres().contains(g));
            box.addEventListener("change", (EventListener<Event>) e -> {
                Set<Integer> chosen = new HashSet<>(shell.drafts.browse.genres());
                if (box.isChecked()) {
                    chosen.add(genre);
                } else {
                    chosen.remove(genre);
                }
                Browse b = shell.drafts.browse;
                update(new Browse(chosen, b.fromYear(), b.toYear(), b.sort(), 0));
            });
            label.appendChild(box);
            label.appendChild(Dom.text("span", null, Genres.NAMES.get(g)));
            genres.appendChild(label);
        }
        form.appendChild(genres);

        HTMLElement row = Dom.el("div", "filter-row");
        HTMLElement fromRow = Dom.el("div", "field");
        HTMLInputElement from = Dom.input(fromRow, "From year", "number", "browse-from", "browse-from");
        HTMLElement toRow = Dom.el("div", "field");
        HTMLInputElement to = Dom.input(toRow, "To year", "number", "browse-to", "browse-to");
        for (HTMLInputElement year : new HTMLInputElement[] {from, to}) {
            year.setAttribute("min", "1870");
            year.setAttribute("max", "2100");
            year.setAttribute("inputmode", "numeric");
            year.setAttribute("data-focus-key", year.getId());
        }
        from.setValue(query.fromYear() > 0 ? String.valueOf(query.fromYear()) : "");
        to.setValue(query.toYear() > 0 ? String.valueOf(query.toYear()) : "");
        EventListener<Event> years = e -> {
            Browse b = shell.drafts.browse;
            shell.submit(() -> {
                Browse next = new Browse(b.genres(), year(from.getValue()), year(to.getValue()), b.sort(), 0);
                shell.drafts.browse = next;
                return null;
            });
        };
        from.addEventListener("change", years);
        to.addEventListener("change", years);
        row.appendChild(fromRow);
        row.appendChild(toRow);

        HTMLElement sortRow = Dom.el("div", "field");
        Browse.Sort[] sorts = Browse.Sort.values();
        String[][] options = new String[sorts.length][];
        for (int i = 0; i < sorts.length; i++) {
            options[i] = new String[] {sorts[i].name(), sorts[i].label};
        }
        HTMLSelectElement sort = Dom.select(sortRow, "Sort by", "browse-sort", "browse-sort", options);
        sort.setValue(query.sort().name());
        sort.setAttribute("data-focus-key", "browse-sort");
        sort.addEventListener("change", (EventListener<Event>) e -> {
            Browse b = shell.drafts.browse;
            update(new Browse(b.genres(), b.fromYear(), b.toYear(), Browse.Sort.valueOf(sort.getValue()), 0));
        });
        row.appendChild(sortRow);
        form.appendChild(row);
        return form;
    }

    /** A year typed in a filter, 0 for empty; anything else is said plainly. */
    private static int year(String text) {
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return 0;
        }
        try {
            int year = Integer.parseInt(t);
            if (year >= 1000 && year <= 9999) {
                return year;
            }
        } catch (NumberFormatException e) {
            // fall through to the sentence
        }
        throw new privrec.client.app.UserError("A year is four digits, like 1994.");
    }

    private void update(Browse next) {
        shell.drafts.browse = next;
        shell.refresh();
    }

    private HTMLElement pager(Browse query, Browse.Page page) {
        HTMLElement nav = Dom.el("nav", "pager");
        nav.setAttribute("aria-label", "Pages");
        if (page.page() > 0) {
            HTMLElement prev = Dom.button("Previous page", "browse-prev", null, () -> {
                shell.focusNext("browse-prev");
                update(query.withPage(page.page() - 1));
            });
            nav.appendChild(prev);
        }
        if (page.hasNext()) {
            HTMLElement next = Dom.button("Next page", "browse-next", null, () -> {
                shell.focusNext("browse-next");
                update(query.withPage(page.page() + 1));
            });
            nav.appendChild(next);
        }
        return nav;
    }
}
