package privrec.client.vault;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import privrec.core.Json;
import privrec.core.Profile;

/**
 * The plaintext inside a vault's ciphertext: UTF-8 JSON written with core's {@link Json}.
 *
 * <pre>
 * version 3 (current):
 * { "profile": {"age": 31, "gender": "F", "occupation": "engineer"},   // absent fields omitted
 *   "ratings": [{"movie": 50, "stars": 4.5, "at": 1731234567890,        // "at": whole ms since 1970
 *                "title": "Star Wars", "year": 1977}],                  // as when rated; absent when unknown
 *   "dismissed": [181, 1],
 *   "settings": {"genre": "-1"} }
 * version 2: the same without "title" and "year" (ratings of then stay untitled: nothing can recover them).
 * version 1: as version 2 without "settings".
 * </pre>
 *
 * <p>The version number is not inside the plaintext: it sits in clear in the envelope and is bound into the
 * AES-GCM associated data, so it cannot be changed unnoticed. Reading applies the {@link #MIGRATIONS} step by
 * step (1→2, later 2→3, ...) on the parsed JSON tree, then decodes the current shape; the next save writes the
 * current version.
 */
final class PlaintextFormat {
    static final int CURRENT_VERSION = 3;

    /** One upgrade step of the JSON tree, from version {@code index + 1} to {@code index + 2}. */
    interface Migration {
        Map<String, Object> apply(Map<String, Object> older);
    }

    static final List<Migration> MIGRATIONS = List.of(
            // 1 → 2: settings were added.
            older -> {
                Map<String, Object> next = new LinkedHashMap<>(older);
                next.putIfAbsent("settings", new LinkedHashMap<String, Object>());
                return next;
            },
            // 2 → 3: ratings may carry the title they were given; older ones have none, which the reader
            // accepts as it is. The version still moves, so an app that only knows version 2 refuses the vault
            // rather than saving it back without the titles.
            older -> older);

    private PlaintextFormat() {
    }

    static byte[] write(VaultContents contents) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("profile", profileToJson(contents.profile()));
        List<Object> ratings = new ArrayList<>();
        for (RatedMovie r : contents.ratings()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("movie", r.movieId());
            one.put("stars", (double) r.stars());
            // A Long is written exactly; a double would go through Double.toString, whose digits TeaVM may
            // produce differently from the JVM.
            one.put("at", (long) Math.floor(r.ratedAtMillis()));
            if (r.title() != null) {
                one.put("title", r.title());
            }
            if (r.year() > 0) {
                one.put("year", r.year());
            }
            ratings.add(one);
        }
        root.put("ratings", ratings);
        root.put("dismissed", new ArrayList<Object>(contents.dismissed()));
        root.put("settings", new LinkedHashMap<String, Object>(contents.settings()));
        return Json.write(root).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Decodes the plaintext of format {@code version}, migrating older versions.
     *
     * @throws RuntimeException (IllegalArgumentException or core's FormatException) when the content does not match
     */
    static VaultContents read(byte[] plaintext, int version) {
        if (version < 1 || version > CURRENT_VERSION) {
            throw new IllegalArgumentException("format version " + version + " is not 1.." + CURRENT_VERSION);
        }
        Map<String, Object> root = Json.parseObject(new String(plaintext, StandardCharsets.UTF_8), "vault");
        for (int v = version; v < CURRENT_VERSION; v++) {
            root = MIGRATIONS.get(v - 1).apply(root);
        }
        return decodeCurrent(root);
    }

    private static VaultContents decodeCurrent(Map<String, Object> root) {
        Profile profile = profileFromJson(root.get("profile"));
        List<RatedMovie> ratings = new ArrayList<>();
        for (Object o : list(root.get("ratings"), "ratings")) {
            Map<String, Object> one = map(o, "rating");
            // Snapped to the whole millisecond it was written as, in case a Double.parseDouble (TeaVM's differs
            // from the JVM's) lands one ulp off.
            double at = Math.floor(number(one.get("at"), "at").doubleValue() + 0.5);
            Object year = one.get("year");
            ratings.add(new RatedMovie(number(one.get("movie"), "movie").intValue(),
                    number(one.get("stars"), "stars").floatValue(), at, string(one.get("title"), "title"),
                    year == null ? 0 : number(year, "year").intValue()));
        }
        List<Integer> dismissed = new ArrayList<>();
        for (Object o : list(root.get("dismissed"), "dismissed")) {
            dismissed.add(number(o, "dismissed").intValue());
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map(root.get("settings"), "settings").entrySet()) {
            if (!(e.getValue() instanceof String value)) {
                throw new IllegalArgumentException("setting " + e.getKey() + " is not a string");
            }
            settings.put(e.getKey(), value);
        }
        return new VaultContents(profile, ratings, dismissed, settings);
    }

    private static Map<String, Object> profileToJson(Profile p) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (p.age() != 0) {
            out.put("age", p.age());
        }
        if (p.gender() != null) {
            out.put("gender", p.gender());
        }
        if (p.occupation() != null) {
            out.put("occupation", p.occupation());
        }
        return out;
    }

    private static Profile profileFromJson(Object value) {
        Map<String, Object> p = map(value, "profile");
        Object age = p.get("age");
        return new Profile(age == null ? 0 : number(age, "age").intValue(), string(p.get("gender"), "gender"),
                string(p.get("occupation"), "occupation"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (value instanceof Map) {
            return (Map<String, Object>) value;
        }
        throw new IllegalArgumentException(what + " is not an object");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value, String what) {
        if (value instanceof List) {
            return (List<Object>) value;
        }
        throw new IllegalArgumentException(what + " is not a list");
    }

    private static Number number(Object value, String what) {
        if (value instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException(what + " is not a number");
    }

    private static String string(Object value, String what) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new IllegalArgumentException(what + " is not a string");
    }
}
