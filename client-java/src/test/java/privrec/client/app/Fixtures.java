package privrec.client.app;

import java.util.List;

import privrec.core.Catalog;
import privrec.core.Encoder;
import privrec.core.Genres;
import privrec.core.Item;
import privrec.core.ItemScorer;

/**
 * A six-movie catalog and a scorer with a visible rule, so tests can predict rankings without a model:
 * score = popularity / 100 + 1 for every liked movie that shares a genre with the item.
 */
final class Fixtures {
    static final int TOY_STORY = 1;
    static final int HEAT = 2;
    static final int AMELIE = 3;
    static final int ALIEN = 4;
    static final int CITY = 5;
    static final int ALIENS = 6;

    private Fixtures() {
    }

    static int genre(String name) {
        return 1 << Genres.indexOf(name);
    }

    static Catalog catalog() {
        return new Catalog(List.of(
                new Item(0, TOY_STORY, "Toy Story", 1995, genre("Animation") | genre("Comedy"), 90),
                new Item(1, HEAT, "Heat", 1995, genre("Action") | genre("Crime"), 60),
                new Item(2, AMELIE, "Le Fabuleux Destin d'Amélie Poulain", 2001, genre("Comedy") | genre("Romance"), 50),
                new Item(3, ALIEN, "Alien", 1979, genre("Horror") | genre("Sci-Fi"), 80),
                new Item(4, CITY, "Cité des enfants perdus, La", 1995, genre("Fantasy") | genre("Sci-Fi"), 10),
                new Item(5, ALIENS, "Aliens", 1986, genre("Action") | genre("Sci-Fi"), 70)));
    }

    static ItemScorer scorer(Catalog catalog) {
        return (history, profile, rows) -> {
            int n = catalog.size();
            ItemScorer.checkShapes(history, profile, rows, n, Encoder.profileWidth());
            float[] scores = new float[rows * n];
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < n; i++) {
                    float s = catalog.get(i).popularity() / 100f;
                    for (int j = 0; j < n; j++) {
                        if (history[r * n + j] > 0 && (catalog.get(j).genreMask() & catalog.get(i).genreMask()) != 0) {
                            s += 1f;
                        }
                    }
                    scores[r * n + i] = s;
                }
            }
            return scores;
        };
    }
}
