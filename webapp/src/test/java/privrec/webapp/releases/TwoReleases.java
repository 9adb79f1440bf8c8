package privrec.webapp.releases;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import privrec.core.Manifest;
import privrec.trainer.TrainerMain;

/**
 * An old release and its update, built by the real trainer (in this JVM) from generated synthetic data the way the
 * issue's scenario orders it: {@code train} on the oldest 90 % of the ratings without the newest 2 % of the movies,
 * then {@code update --base OLD} with every rating and every movie except one, which the update therefore lists as
 * withdrawn (its column stays). No ML-100k: the synthetic generator's data only.
 *
 * @param old       the first release (a {@code train} output folder)
 * @param update    the update built on it (an {@code update} output folder)
 * @param withdrawn the movie the update withdraws: the most-rated movie of the old data, so the old catalog has it
 * @param log       what the trainer printed
 */
public record TwoReleases(Path old, Path update, int withdrawn, String log) {
    /** Generator sizes and the rank of {@code train}. */
    public record Size(int movies, int users, int ratings, int rank) {
        /** Small enough for a test (a few seconds of training). */
        public static final Size TEST = new Size(400, 400, 30_000, 32);
    }

    /** Builds both releases under {@code dir} (data in {@code dir/data-*}, releases in {@code dir/old}, {@code dir/update}). */
    public static TwoReleases build(Path dir, Size size) {
        StringBuilder log = new StringBuilder();
        Path full = dir.resolve("data-full");
        trainer(log, "generate", "--out", full.toString(), "--movies", String.valueOf(size.movies()),
                "--users", String.valueOf(size.users()), "--ratings", String.valueOf(size.ratings()), "--force");
        try {
            List<String> movies = Files.readAllLines(full.resolve("movies.csv"), StandardCharsets.UTF_8);
            List<String> ratings = Files.readAllLines(full.resolve("ratings.csv"), StandardCharsets.UTF_8);
            // Movies new in the update: the highest 2 % of the ids.
            List<Integer> ids = movies.stream().skip(1).map(TwoReleases::movieOfMovieLine).sorted().toList();
            Set<Integer> added = new LinkedHashSet<>(ids.subList(ids.size() - Math.max(1, ids.size() / 50), ids.size()));
            long[] times = ratings.stream().skip(1).mapToLong(l -> Long.parseLong(field(l, 3))).sorted().toArray();
            long cutoff = times[(int) (times.length * 0.9) - 1];
            List<String> oldRatings = filter(ratings,
                    l -> !added.contains(movieOfRating(l)) && Long.parseLong(field(l, 3)) <= cutoff);
            int withdrawn = mostRated(oldRatings);
            Path oldData = dir.resolve("data-old");
            Path newData = dir.resolve("data-new");
            write(oldData, full, filter(movies, l -> !added.contains(movieOfMovieLine(l))), oldRatings);
            write(newData, full, filter(movies, l -> movieOfMovieLine(l) != withdrawn),
                    filter(ratings, l -> movieOfRating(l) != withdrawn));
            Path old = dir.resolve("old");
            Path update = dir.resolve("update");
            trainer(log, "train", "--data", oldData.toString(), "--format", "ml-csv", "--out", old.toString(),
                    "--rank", String.valueOf(size.rank()), "--eval-folds", "0", "--lambda", "400", "--beta", "0.003");
            trainer(log, "update", "--base", old.toString(), "--data", newData.toString(), "--format", "ml-csv",
                    "--out", update.toString());
            return new TwoReleases(old, update, withdrawn, log.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The release in {@code dir} as site overrides: manifest.json, the parts it lists, and the .br/.gz siblings present. */
    public static Map<String, byte[]> siteFiles(Path dir) {
        try {
            Map<String, byte[]> files = new HashMap<>();
            List<String> names = new ArrayList<>(List.of("manifest.json"));
            names.addAll(manifest(dir).partNames());
            for (String name : names) {
                files.put("models/" + name, Files.readAllBytes(dir.resolve(name)));
                for (String suffix : new String[] {".br", ".gz"}) {
                    if (Files.exists(dir.resolve(name + suffix))) {
                        files.put("models/" + name + suffix, Files.readAllBytes(dir.resolve(name + suffix)));
                    }
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Manifest manifest(Path dir) {
        try {
            return Manifest.parse(Files.readString(dir.resolve("manifest.json")), dir + "/manifest.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parts of {@code update} that {@code old} does not have (same name, same hash): what a returning user needs. */
    public static Map<String, Integer> newParts(Path old, Path update) {
        Manifest before = manifest(old);
        Manifest after = manifest(update);
        Map<String, Integer> parts = new LinkedHashMap<>();
        for (String name : after.partNames()) {
            Manifest.FileEntry entry = after.file(name);
            boolean held = before.files().stream().anyMatch(e -> e.sha256().equals(entry.sha256()));
            if (!held) {
                parts.put(name, entry.bytes());
            }
        }
        return parts;
    }

    private static void trainer(StringBuilder log, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TrainerMain.run(args, new PrintWriter(out), new PrintWriter(err));
        log.append("$ trainer ").append(String.join(" ", args)).append('\n').append(out);
        if (code != 0) {
            throw new IllegalStateException("trainer " + Arrays.toString(args) + " exited " + code + ": " + err + out);
        }
    }

    private static String field(String csvLine, int index) {
        return csvLine.split(",", -1)[index];
    }

    /** movies.csv: the id is the first field (titles may hold quoted commas, never before it). */
    private static int movieOfMovieLine(String line) {
        return Integer.parseInt(line.substring(0, line.indexOf(',')));
    }

    /** ratings.csv: userId, movieId, rating, timestamp. */
    private static int movieOfRating(String line) {
        return Integer.parseInt(field(line, 1));
    }

    /** The header line, then the lines {@code keep} accepts. */
    private static List<String> filter(List<String> lines, java.util.function.Predicate<String> keep) {
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            if (keep.test(line)) {
                out.add(line);
            }
        }
        return out;
    }

    private static int mostRated(List<String> ratings) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (String line : ratings.subList(1, ratings.size())) {
            counts.merge(Integer.parseInt(field(line, 1)), 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.<Integer, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
    }

    private static void write(Path out, Path full, List<String> movies, List<String> ratings) throws IOException {
        Files.createDirectories(out);
        Files.write(out.resolve("movies.csv"), movies, StandardCharsets.UTF_8);
        Files.write(out.resolve("ratings.csv"), ratings, StandardCharsets.UTF_8);
        Files.copy(full.resolve("users.csv"), out.resolve("users.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
