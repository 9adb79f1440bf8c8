package privrec.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The 19 MovieLens genres, in MovieLens order. Genre masks use bit {@code i} for {@code NAMES.get(i)}. */
public final class Genres {
    public static final List<String> NAMES = Collections.unmodifiableList(Arrays.asList(
            "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary",
            "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi",
            "Thriller", "War", "Western"));

    private Genres() {
    }

    /** Index of a genre name (case-insensitive; MovieLens' newer spelling "Children" accepted), or -1. */
    public static int tryIndexOf(String name) {
        if (name == null) {
            return -1;
        }
        String wanted = name.trim();
        if (wanted.equalsIgnoreCase("Children")) {
            wanted = "Children's";
        }
        if (wanted.equalsIgnoreCase("(no genres listed)")) {
            wanted = "unknown";
        }
        for (int i = 0; i < NAMES.size(); i++) {
            if (NAMES.get(i).equalsIgnoreCase(wanted)) {
                return i;
            }
        }
        return -1;
    }

    /** Index of a genre name; throws for an unknown name. */
    public static int indexOf(String name) {
        int index = tryIndexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("unknown genre \"" + name + "\"; known: " + NAMES);
        }
        return index;
    }
}
