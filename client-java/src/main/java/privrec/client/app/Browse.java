package privrec.client.app;

import java.util.Set;

/**
 * A catalog query: movies in any of {@code genres} (empty = all), released {@code fromYear}..{@code toYear}
 * (0 = open end), in {@code sort} order, page {@code page} (from 0) of {@link #PAGE_SIZE}.
 */
public record Browse(Set<Integer> genres, int fromYear, int toYear, Sort sort, int page) {
    public static final int PAGE_SIZE = 20;

    /** Orders a person knows from movie sites; {@link #MATCH} is this model's score for the open profile. */
    public enum Sort {
        POPULARITY("Most popular"), YEAR("Newest first"), TITLE("Title A–Z"), MATCH("Best match for you");

        public final String label;

        Sort(String label) {
            this.label = label;
        }
    }

    public Browse {
        genres = Set.copyOf(genres);
        if (page < 0) {
            throw new UserError("There is no page before the first one.");
        }
        if (fromYear > 0 && toYear > 0 && fromYear > toYear) {
            throw new UserError("The year range is backwards: “from” " + fromYear + " is after “to” " + toYear + ".");
        }
    }

    public static Browse everything() {
        return new Browse(Set.of(), 0, 0, Sort.POPULARITY, 0);
    }

    public Browse withPage(int next) {
        return new Browse(genres, fromYear, toYear, sort, next);
    }

    /**
     * One page of results.
     *
     * @param total how many movies match in all
     */
    public record Page(java.util.List<privrec.core.Item> items, int total, int page) {
        public int pages() {
            return Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }

        public boolean hasNext() {
            return page + 1 < pages();
        }
    }
}
