package privrec.client.ui;

import java.util.List;

import org.teavm.jso.browser.Performance;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.EventListener;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

import privrec.client.app.ModelStatus;
import privrec.client.app.RankedList;
import privrec.client.app.RecCard;
import privrec.client.app.SearchResults;
import privrec.client.app.TitleSearch;
import privrec.core.Genres;
import privrec.core.Item;

/** Home: Undo bar, title search, genre filter and the top recommendations. */
final class HomePage implements Page {
    private final Shell shell;
    private HTMLElement results;

    HomePage(Shell shell) {
        this.shell = shell;
    }

    @Override
    public void render(HTMLElement main) {
        main.appendChild(MovieCards.undoBar(shell));
        ModelStatus model = shell.app.model();
        if (!model.isReady()) {
            HTMLElement waiting = Dom.text("p", model.phase() == ModelStatus.Phase.FAILED ? "notice error-text" : "notice",
                    model.phase() == ModelStatus.Phase.FAILED
                            ? model.message() + " Recommendations need the model; reload the page to try again."
                            : model.message() + " Your recommendations appear as soon as it is ready.");
            Dom.testId(waiting, "model-wait");
            main.appendChild(waiting);
            return;
        }
        main.appendChild(tools());
        results = Dom.el("section", "search-results");
        results.setAttribute("aria-label", "Search results");
        Dom.testId(results, "search-results");
        main.appendChild(results);
        showResults();
        main.appendChild(recommendations());
        HTMLElement offer = ContributionViews.offerCard(shell);
        if (offer != null) {
            main.appendChild(offer);
        }
    }

    private HTMLElement tools() {
        HTMLElement tools = Dom.el("div", "tools");
        HTMLElement searchRow = Dom.el("div", "field");
        HTMLInputElement search = Dom.input(searchRow, "Search titles", "search", "search-input", "search-input");
        search.setValue(shell.drafts.query);
        search.setAttribute("autocomplete", "off");
        search.setAttribute("data-focus-key", "search");
        // Search is plain Java over the catalog in memory (no waiting), so it can run right in the listener.
        search.addEventListener("input", (EventListener<Event>) event -> {
            shell.drafts.query = search.getValue();
            shell.drafts.searchShown = TitleSearch.PAGE;
            showResults();
        });
        tools.appendChild(searchRow);

        HTMLElement genreRow = Dom.el("div", "field");
        String[][] options = new String[Genres.NAMES.size() + 1][];
        options[0] = new String[] {"-1", "All genres"};
        for (int g = 0; g < Genres.NAMES.size(); g++) {
            options[g + 1] = new String[] {String.valueOf(g), g == 0 ? "Unknown genre" : Genres.NAMES.get(g)};
        }
        HTMLSelectElement genre = Dom.select(genreRow, "Genre", "genre-filter", "genre-filter", options);
        genre.setValue(String.valueOf(shell.app.settings().genreFilter()));
        genre.setAttribute("data-focus-key", "genre");
        genre.addEventListener("change", (EventListener<Event>) event -> {
            int chosen = Integer.parseInt(genre.getValue());
            shell.submit(() -> {
                shell.app.settings().setGenreFilter(chosen);
                return chosen < 0 ? "Showing all genres." : "Showing " + Genres.NAMES.get(chosen) + " only.";
            });
        });
        tools.appendChild(genreRow);
        return tools;
    }

    private void showResults() {
        Dom.clear(results);
        String query = shell.drafts.query.trim();
        if (query.isEmpty()) {
            results.setHidden(true);
            return;
        }
        results.setHidden(false);
        SearchResults found = shell.app.queries().search(query, shell.drafts.searchShown);
        int total = found.total();
        String summaryText = total == 0 ? "No titles contain “" + query + "”."
                : (total == 1 ? "1 title contains “" : total + " titles contain “") + query + "”"
                + (found.hasMore() ? " — showing the " + found.shown().size() + " most popular" : "");
        HTMLElement summary = Dom.text("h2", "section-title", summaryText);
        Dom.testId(summary, "search-summary");
        summary.setAttribute("data-total", String.valueOf(total));
        results.appendChild(summary);
        HTMLElement list = Dom.el("ul", "cards");
        for (Item item : found.shown()) {
            list.appendChild(MovieCards.item(shell, item, "search-result", !shell.app.queries().isDismissed(item.id()),
                    "h3"));
        }
        results.appendChild(list);
        if (found.hasMore()) {
            int more = Math.min(TitleSearch.PAGE, total - found.shown().size());
            HTMLElement button = Dom.button("Show " + more + " more", "search-more", null, () -> {
                shell.drafts.searchShown += TitleSearch.PAGE;
                shell.refresh();
            });
            results.appendChild(button);
        }
    }

    private HTMLElement recommendations() {
        HTMLElement section = Dom.el("section", "recommendations");
        section.setAttribute("aria-labelledby", "rec-heading");
        HTMLElement heading = Dom.text("h2", "section-title", "Recommended for you");
        heading.setId("rec-heading");
        section.appendChild(heading);
        section.appendChild(Dom.text("p", "hint",
                "Computed in this browser from your ratings; nothing about you is sent anywhere."));
        double started = Performance.now();
        RankedList ranked = shell.app.queries().rankRecommendations();
        List<RecCard> cards = ranked.cards();
        // Scoring + ranking alone, for the benchmark (the rest of a render is DOM work; reasons come after).
        Dom.document().getBody().setAttribute("data-last-rank-ms", String.valueOf(Performance.now() - started));
        if (ranked.needsReasons()) {
            explainLater(ranked);
        }
        HTMLElement list = Dom.el("ol", "cards");
        Dom.testId(list, "rec-list");
        list.setAttribute("data-count", String.valueOf(cards.size()));
        for (int i = 0; i < cards.size(); i++) {
            list.appendChild(shell.cards.card(shell, cards.get(i), i + 1));
        }
        shell.cards.endRender();
        if (cards.isEmpty()) {
            HTMLElement none = Dom.text("p", "notice", "No recommendations left for this filter.");
            Dom.testId(none, "rec-empty");
            section.appendChild(none);
        }
        section.appendChild(list);
        return section;
    }

    /**
     * Shows the list now with "Finding why…" and computes the reasons (one batched model run per liked movie)
     * as a follow-up on the worker, right after the list is rendered (its model run overlaps the list's paint).
     * Dropped when another re-rank came first.
     */
    private void explainLater(RankedList ranked) {
        int generation = ++shell.rankGeneration;
        shell.reasonsPending();
        shell.worker.followUp(() -> {
            double started = Performance.now();
            List<RecCard> explained;
            try {
                explained = shell.app.queries().explain(ranked);
            } catch (RuntimeException e) {
                if (generation == shell.rankGeneration) {
                    shell.cards.abandonPendingReasons();
                    shell.reasonsShown();
                }
                throw e;
            }
            if (explained == null || generation != shell.rankGeneration || shell.worker.hasQueuedWork()) {
                // Stale: a newer list is (or is about to be) on screen and brings its own reasons.
                if (!shell.worker.hasQueuedWork()) {
                    shell.worker.refresh();
                }
                return null;
            }
            double now = Performance.now();
            shell.cards.fillReasons(explained);
            HTMLElement body = Dom.document().getBody();
            body.setAttribute("data-last-explain-ms", String.valueOf(now - started));
            body.setAttribute("data-last-reasons-ms", String.valueOf(Performance.now() - shell.worker.actionQueuedAt()));
            shell.reasonsShown();
            return null;
        });
    }
}
