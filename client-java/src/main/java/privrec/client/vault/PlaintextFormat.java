package privrec.client.vault;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import privrec.core.Json;
import privrec.core.Profile;
import privrec.core.privacy.PrivacyAccountant;

/**
 * The plaintext inside a vault's ciphertext: UTF-8 JSON written with core's {@link Json}.
 *
 * <pre>
 * version 4 (current):
 * { "profile": {"age": 31, "gender": "F", "occupation": "engineer"},   // absent fields omitted
 *   "ratings": [{"movie": 50, "stars": 4.5, "at": 1731234567890,        // "at": whole ms since 1970
 *                "title": "Star Wars", "year": 1977}],                  // as when rated; absent when unknown
 *   "dismissed": [181, 1],
 *   "settings": {"genre": "-1"},
 *   "contributions": {"optedIn": true, "epsilon": 1.0,                  // epsilon 0: the release's default
 *                     "spends": [{"release": "privrec-…", "epsilon": 1.0, "delta": 1e-6, "rho": 0.02}],
 *                     "pending": [{"release": "privrec-…", "bytes": "<base64>", "after": 1731234567890}],
 *                     "outcomes": [{"release": "privrec-…", "what": "sent", "status": 204, "at": 17312…}]} }
 *   (absent: contributions off, nothing spent — how every older vault opens)
 * version 3: the same without "contributions".
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
    static final int CURRENT_VERSION = 4;

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
            older -> older,
            // 3 → 4: opt-in contributions; an older vault has none, so it opens with them off. The version moves so
            // that an app of version 3 cannot save the vault back without its ledger (and so report twice).
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
        if (!contents.contributions().equals(ContributionLedger.OFF)) {
            root.put("contributions", contributionsToJson(contents.contributions()));
        }
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
        Object contributions = root.get("contributions");
        return new VaultContents(profile, ratings, dismissed, settings,
                contributions == null ? ContributionLedger.OFF : contributionsFromJson(contributions));
    }

    private static Map<String, Object> contributionsToJson(ContributionLedger c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("optedIn", c.optedIn());
        out.put("epsilon", c.epsilon());
        List<Object> spends = new ArrayList<>();
        for (PrivacyAccountant.Spend s : c.spends()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("release", s.release());
            one.put("epsilon", s.epsilon());
            one.put("delta", s.delta());
            one.put("rho", s.rho());
            spends.add(one);
        }
        out.put("spends", spends);
        List<Object> pending = new ArrayList<>();
        for (ContributionLedger.PendingReport p : c.pending()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("release", p.release());
            one.put("bytes", Base64Text.encode(p.bytes()));
            one.put("after", (long) Math.floor(p.sendAfterMillis()));
            pending.add(one);
        }
        out.put("pending", pending);
        List<Object> outcomes = new ArrayList<>();
        for (ContributionLedger.Outcome o : c.outcomes()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("release", o.release());
            one.put("what", o.what());
            one.put("status", o.status());
            one.put("at", (long) Math.floor(o.atMillis()));
            outcomes.add(one);
        }
        out.put("outcomes", outcomes);
        return out;
    }

    private static ContributionLedger contributionsFromJson(Object value) {
        Map<String, Object> c = map(value, "contributions");
        if (!(c.get("optedIn") instanceof Boolean optedIn)) {
            throw new IllegalArgumentException("contributions.optedIn is not a boolean");
        }
        List<PrivacyAccountant.Spend> spends = new ArrayList<>();
        for (Object o : list(c.get("spends"), "spends")) {
            Map<String, Object> one = map(o, "spend");
            spends.add(new PrivacyAccountant.Spend(requiredString(one.get("release"), "release"),
                    number(one.get("epsilon"), "epsilon").doubleValue(), number(one.get("delta"), "delta").doubleValue(),
                    number(one.get("rho"), "rho").doubleValue()));
        }
        List<ContributionLedger.PendingReport> pending = new ArrayList<>();
        for (Object o : list(c.get("pending"), "pending")) {
            Map<String, Object> one = map(o, "pending report");
            byte[] bytes = Base64Text.decodeOrNull(requiredString(one.get("bytes"), "bytes"));
            if (bytes == null) {
                throw new IllegalArgumentException("a pending report's bytes are not base64");
            }
            pending.add(new ContributionLedger.PendingReport(requiredString(one.get("release"), "release"), bytes,
                    Math.floor(number(one.get("after"), "after").doubleValue() + 0.5)));
        }
        List<ContributionLedger.Outcome> outcomes = new ArrayList<>();
        for (Object o : list(c.get("outcomes"), "outcomes")) {
            Map<String, Object> one = map(o, "outcome");
            outcomes.add(new ContributionLedger.Outcome(requiredString(one.get("release"), "release"),
                    requiredString(one.get("what"), "what"), number(one.get("status"), "status").intValue(),
                    Math.floor(number(one.get("at"), "at").doubleValue() + 0.5)));
        }
        return new ContributionLedger(optedIn, number(c.get("epsilon"), "epsilon").doubleValue(), spends, pending,
                outcomes);
    }

    private static String requiredString(Object value, String what) {
        String s = string(value, what);
        if (s == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return s;
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
