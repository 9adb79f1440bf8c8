package privrec.client.app;

import privrec.client.text.Stars;

import privrec.client.text.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import privrec.client.vault.RatedMovie;
import privrec.client.vault.VaultContents;
import privrec.core.Json;
import privrec.core.Profile;

/**
 * What the privacy page shows: the decrypted contents as readable lists and as JSON, the encrypted size kept in
 * this browser, and the browser's own list of requests the page has made.
 *
 * @param profileLines  "Age: 31", … (empty when no profile is stored)
 * @param ratingLines   "Toy Story (1995): 4 stars", newest first
 * @param dismissedLines titles marked "not interested"
 * @param settingLines  "key = value"
 * @param json          the same data as JSON (what is inside the encryption)
 * @param storedBytes   encrypted size in local storage (browser quota bytes)
 * @param requests      every request since the page loaded
 */
public record PrivacyReport(List<String> profileLines, List<String> ratingLines, List<String> dismissedLines,
                            List<String> settingLines, String json, int storedBytes,
                            List<NetworkLog.Request> requests) {

    static PrivacyReport of(VaultContents contents, ModelStatus model, int storedBytes,
                            List<NetworkLog.Request> requests) {
        List<String> profile = new ArrayList<>();
        Profile p = contents.profile();
        if (p.age() > 0) {
            profile.add("Age: " + p.age());
        }
        if (p.gender() != null) {
            profile.add("Gender: " + ("F".equals(p.gender()) ? "female" : "male"));
        }
        if (p.occupation() != null) {
            profile.add("Occupation: " + p.occupation());
        }
        List<String> ratings = new ArrayList<>();
        for (int i = contents.ratings().size() - 1; i >= 0; i--) {
            RatedMovie r = contents.ratings().get(i);
            ratings.add(MovieNames.of(model, r, r.movieId()) + ": " + Stars.text(r.stars()));
        }
        List<String> dismissed = new ArrayList<>();
        for (Integer id : contents.dismissed()) {
            dismissed.add(MovieNames.of(model, null, id));
        }
        List<String> settings = new ArrayList<>();
        for (Map.Entry<String, String> e : contents.settings().entrySet()) {
            settings.add(e.getKey() + " = " + e.getValue());
        }
        return new PrivacyReport(profile, ratings, dismissed, settings, json(contents), storedBytes, requests);
    }

    /** The decrypted data as JSON, in the vault's own field names. */
    static String json(VaultContents contents) {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> profile = new LinkedHashMap<>();
        Profile p = contents.profile();
        if (p.age() > 0) {
            profile.put("age", p.age());
        }
        if (p.gender() != null) {
            profile.put("gender", p.gender());
        }
        if (p.occupation() != null) {
            profile.put("occupation", p.occupation());
        }
        root.put("profile", profile);
        List<Object> ratings = new ArrayList<>();
        for (RatedMovie r : contents.ratings()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("movie", r.movieId());
            one.put("stars", (double) r.stars());
            // Whole milliseconds as a decimal string of digits: a double prints as 1.7E12 otherwise.
            one.put("at", Numbers.fixed(r.ratedAtMillis(), 0));
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
        return Json.write(root);
    }
}
