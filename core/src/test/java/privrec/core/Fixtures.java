package privrec.core;

import java.util.ArrayList;
import java.util.List;

final class Fixtures {
    private Fixtures() {
    }

    /** n items with ids 101, 102, …; item i has genre Comedy when i is even, Drama otherwise. */
    static Catalog catalog(int n) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int genre = Genres.indexOf(i % 2 == 0 ? "Comedy" : "Drama");
            items.add(new Item(i, 101 + i, "Movie " + i, 1990 + i, 1 << genre, 100 - i));
        }
        return new Catalog(items);
    }
}
