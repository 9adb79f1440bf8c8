package privrec.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import privrec.core.Json;
import privrec.core.Manifest;
import privrec.trainer.TrainerMain;

class CliTest {
    /** Captured run of the CLI; printed when an assertion fails. */
    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    @TempDir
    static Path shared;
    static Path data;

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TrainerMain.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void generateSmallData() {
        data = shared.resolve("small");
        Run run = run("generate", "--out", data.toString(), "--movies", "120", "--users", "160", "--ratings", "7000");
        assertEquals(0, run.code(), run::toString);
    }

    @Test
    void helpWorksOnEveryCommand() {
        for (String command : List.of("train", "update", "evaluate", "evaluate-update", "generate", "inspect")) {
            Run run = run(command, "--help");
            assertEquals(0, run.code(), run::toString);
            assertTrue(run.out().contains("Usage: trainer " + command), run::toString);
        }
        Run top = run("--help");
        assertEquals(0, top.code(), top::toString);
        assertTrue(top.out().contains("train") && top.out().contains("inspect"), top::toString);
    }

    @Test
    void badFlagIsOneLineAndExitTwo() {
        for (String[] args : List.of(new String[]{"train", "--bogus"}, new String[]{"evaluate", "--folds", "many"},
                new String[]{"train", "--format", "parquet"}, new String[]{"train", "--rank", "0"},
                new String[]{"frobnicate"}, new String[]{})) {
            Run run = run(args);
            assertEquals(2, run.code(), run::toString);
            assertEquals(1, run.err().strip().lines().count(), run::toString);
        }
    }

    @Test
    void badDataIsFileLineProblemAndExitTwo(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        for (String name : List.of("movies.csv", "ratings.csv")) {
            Files.copy(data.resolve(name), bad.resolve(name));
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(bad.resolve("ratings.csv")));
        String[] fields = lines.get(3).split(",");
        fields[2] = "x";
        lines.set(3, String.join(",", fields));
        Files.write(bad.resolve("ratings.csv"), lines);
        Path out = dir.resolve("out");
        Run run = run("train", "--data", bad.toString(), "--format", "ml-csv", "--out", out.toString());
        assertEquals(2, run.code(), run::toString);
        assertEquals(1, run.err().strip().lines().count(), run::toString);
        assertTrue(run.err().strip().matches("ratings\\.csv:4: .+"), run::toString);
        assertTrue(Files.notExists(out), "nothing may be written for bad data");

        Run missing = run("evaluate", "--data", dir.resolve("nope").toString());
        assertEquals(2, missing.code(), missing::toString);
        assertEquals(1, missing.err().strip().lines().count(), missing::toString);
    }

    @Test
    void failingVerificationLeavesOutUntouched(@TempDir Path out) throws Exception {
        Files.writeString(out.resolve("model.onnx"), "previous model");
        Run run = run("train", "--data", data.toString(), "--format", "ml-csv", "--out", out.toString(),
                "--rank", "16", "--eval-folds", "0", "--verify-tolerance", "-1");
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("nothing written"), run::toString);
        try (var listing = Files.list(out)) {
            assertEquals(List.of(out.resolve("model.onnx")), listing.toList());
        }
        assertEquals("previous model", Files.readString(out.resolve("model.onnx")));
    }

    @Test
    void trainWritesArtifactsThatInspectAcceptsAndTamperingIsCaught(@TempDir Path out) throws Exception {
        Run train = run("train", "--data", data.toString(), "--format", "ml-csv", "--out", out.toString(), "--rank", "16");
        assertEquals(0, train.code(), train::toString);
        assertTrue(train.out().contains("max abs diff"), train::toString);
        Run inspect = run("inspect", "--models", out.toString());
        assertEquals(0, inspect.code(), inspect::toString);
        assertTrue(inspect.out().contains("metadata keys [model_id, encoder_version, provenance_sha256]"), inspect::toString);
        String catalog = manifest(out).catalogFiles().get(0);
        Files.writeString(out.resolve(catalog), "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Run tampered = run("inspect", "--models", out.resolve("manifest.json").toString());
        assertEquals(1, tampered.code(), tampered::toString);
        assertTrue(tampered.err().contains(catalog), tampered::toString);
    }

    static Manifest manifest(Path dir) throws java.io.IOException {
        return Manifest.parse(Files.readString(dir.resolve("manifest.json")), "manifest.json");
    }

    /**
     * The operator workflow on the scenario data: train on the oldest ratings, update with all of them plus new
     * movies and one movie the new data no longer has. The update keeps the base's basis and catalog chunks byte
     * for byte, adds one of each, lists the dropped movie as withdrawn, and inspect shows what is shared.
     */
    @Test
    void updateReusesTheBasePartsAndAddsOnlyWhatChanged(@TempDir Path work) throws Exception {
        Run split = run("evaluate-update", "--data", data.toString(), "--format", "ml-csv", "--new-movies", "0.05",
                "--write-data", work.resolve("data").toString());
        assertEquals(0, split.code(), split::toString);
        Path fullData = work.resolve("data/full");
        // The full data drops one movie the base has: the update must keep its column and withdraw it.
        List<String> movies = Files.readAllLines(fullData.resolve("movies.csv"));
        String dropped = movies.get(1).substring(0, movies.get(1).indexOf(','));
        Files.write(fullData.resolve("movies.csv"), movies.stream().filter(l -> !l.startsWith(dropped + ",")).toList());
        List<String> ratings = Files.readAllLines(fullData.resolve("ratings.csv"));
        Files.write(fullData.resolve("ratings.csv"),
                ratings.stream().filter(l -> !l.split(",")[1].equals(dropped)).toList());

        Path base = work.resolve("base");
        Run train = run("train", "--data", work.resolve("data/base").toString(), "--format", "ml-csv", "--out",
                base.toString(), "--rank", "16", "--eval-folds", "0");
        assertEquals(0, train.code(), train::toString);
        Path next = work.resolve("next");
        Run update = run("update", "--base", base.toString(), "--data", fullData.toString(), "--format", "ml-csv",
                "--out", next.toString());
        assertEquals(0, update.code(), update::toString);
        assertTrue(update.out().contains("6 movies added, 1 withdrawn"), update::toString);
        assertTrue(update.out().contains("max abs diff"), update::toString);

        Manifest old = manifest(base);
        Manifest fresh = manifest(next);
        assertEquals(old.modelId(), fresh.baseModelId());
        assertEquals(old.basisId(), fresh.basisId());
        assertEquals(List.of(Integer.parseInt(dropped)), fresh.withdrawn());
        assertEquals(old.itemCount() + 6, fresh.itemCount());
        assertEquals(2, fresh.modelData().size());
        assertEquals(old.modelData().get(0), fresh.modelData().get(0));
        assertEquals(2, fresh.catalogFiles().size());
        assertEquals(old.catalogFiles().get(0), fresh.catalogFiles().get(0));
        for (String name : List.of(old.modelData().get(0), old.catalogFiles().get(0))) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(base.resolve(name)),
                    Files.readAllBytes(next.resolve(name))), name + " is not kept byte for byte");
        }
        Run inspect = run("inspect", "--models", next.toString(), "--against", base.toString());
        assertEquals(0, inspect.code(), inspect::toString);
        assertTrue(inspect.out().contains("update of " + old.modelId()), inspect::toString);
        assertTrue(inspect.out().contains(old.modelData().get(0)) && inspect.out().contains("shared"), inspect::toString);
        assertTrue(inspect.out().contains("1 withdrawn movie(s)"), inspect::toString);

        // An update of the update, in place: it keeps both basis chunks, stays on the same basis, and only the graph
        // is new (the old graph is removed from the folder).
        Run again = run("update", "--base", next.toString(), "--data", fullData.toString(), "--format", "ml-csv",
                "--out", next.toString());
        assertEquals(0, again.code(), again::toString);
        Manifest third = manifest(next);
        assertEquals(fresh.modelId(), third.baseModelId());
        assertEquals(fresh.modelData(), third.modelData());
        assertEquals(fresh.catalogFiles(), third.catalogFiles());
        assertEquals(fresh.withdrawn(), third.withdrawn());
        assertTrue(again.out().contains("new parts " + String.format("%,d", third.file(third.modelFile()).bytes())),
                again::toString);
        assertTrue(!Files.exists(next.resolve(fresh.modelFile())) || fresh.modelFile().equals(third.modelFile()),
                "the replaced graph is pruned");
    }

    @Test
    void updateRefusesADamagedOrMissingBaseAndWritesNothing(@TempDir Path work) throws Exception {
        Path base = work.resolve("base");
        assertEquals(0, run("train", "--data", data.toString(), "--format", "ml-csv", "--out", base.toString(),
                "--rank", "16", "--eval-folds", "0").code());
        Path out = work.resolve("out");
        Run missing = run("update", "--base", work.resolve("nothing").toString(), "--data", data.toString(),
                "--format", "ml-csv", "--out", out.toString());
        assertEquals(2, missing.code(), missing::toString);
        String chunk = manifest(base).modelData().get(0);
        byte[] bytes = Files.readAllBytes(base.resolve(chunk));
        bytes[10] ^= 1;
        Files.write(base.resolve(chunk), bytes);
        Run damaged = run("update", "--base", base.toString(), "--data", data.toString(), "--format", "ml-csv",
                "--out", out.toString());
        assertTrue(damaged.code() != 0, damaged::toString);
        assertTrue(damaged.err().contains(chunk) && damaged.err().contains("differs from its manifest"),
                damaged::toString);
        assertTrue(!Files.exists(out), "nothing is written");
    }

    @Test
    void generateRefusesToOverwriteWithoutForce() {
        Run again = run("generate", "--out", data.toString(), "--movies", "120", "--users", "160", "--ratings", "7000");
        assertEquals(2, again.code(), again::toString);
        assertEquals(1, again.err().strip().lines().count(), again::toString);
        Run forced = run("generate", "--out", data.toString(), "--movies", "120", "--users", "160", "--ratings", "7000",
                "--force");
        assertEquals(0, forced.code(), forced::toString);
    }

    @Test
    void evaluateJsonHasTheDocumentedShape() {
        Run run = run("evaluate", "--data", data.toString(), "--format", "ml-csv", "--json", "--rank", "16",
                "--folds", "2");
        assertEquals(0, run.code(), run::toString);
        Map<String, Object> json = Json.parseObject(run.out(), "stdout");
        assertEquals(List.of("model", "modelUnquantized", "baselines", "coldStart", "seconds", "split"), new ArrayList<>(json.keySet()));
        assertEquals("positives", json.get("split"));
        Map<?, ?> model = (Map<?, ?>) json.get("model");
        assertEquals(List.of("name", "recall@20", "recall@50", "ndcg@10", "ndcg@100"), new ArrayList<>(model.keySet()));
        assertEquals(List.of("MostPopular", "EASE"), new ArrayList<>(((Map<?, ?>) json.get("baselines")).keySet()));
        assertEquals(List.of("model", "MostPopular"), new ArrayList<>(((Map<?, ?>) json.get("coldStart")).keySet()));
    }

    @Test
    void evaluateAllRatingsSplitKeepsTheShapeAndRejectsUnknownSplits() {
        Run run = run("evaluate", "--data", data.toString(), "--format", "ml-csv", "--json", "--rank", "16",
                "--folds", "2", "--split", "all-ratings");
        assertEquals(0, run.code(), run::toString);
        Map<String, Object> json = Json.parseObject(run.out(), "stdout");
        assertEquals(List.of("model", "modelUnquantized", "baselines", "coldStart", "seconds", "split"), new ArrayList<>(json.keySet()));
        assertEquals("all-ratings", json.get("split"));
        assertEquals(List.of("MostPopular", "EASE"), new ArrayList<>(((Map<?, ?>) json.get("baselines")).keySet()));
        Run bad = run("evaluate", "--data", data.toString(), "--split", "low");
        assertEquals(2, bad.code(), bad::toString);
        assertEquals(1, bad.err().strip().lines().count(), bad::toString);
    }

    @Test
    void evaluateSeedsPrintsMeanSpreadRatiosAndEveryRun() {
        Run run = run("evaluate", "--data", data.toString(), "--format", "ml-csv", "--json", "--rank", "16",
                "--folds", "2", "--seeds", "3,4");
        assertEquals(0, run.code(), run::toString);
        Map<String, Object> json = Json.parseObject(run.out(), "stdout");
        assertEquals(List.of("seeds", "split", "mean", "spread", "ratios", "runs"), new ArrayList<>(json.keySet()));
        assertEquals(List.of(3.0, 4.0), ((List<?>) json.get("seeds")).stream().map(v -> ((Number) v).doubleValue()).toList());
        Map<?, ?> mean = (Map<?, ?>) json.get("mean");
        assertEquals(List.of("model", "modelUnquantized", "MostPopular", "EASE", "coldStart model", "coldStart MostPopular"),
                new ArrayList<>(mean.keySet()));
        List<?> runs = (List<?>) json.get("runs");
        assertEquals(2, runs.size());
        // The mean is the mean of the runs, and the ratio the ratio of the means.
        double r0 = ((Number) ((Map<?, ?>) ((Map<?, ?>) runs.get(0)).get("model")).get("recall@20")).doubleValue();
        double r1 = ((Number) ((Map<?, ?>) ((Map<?, ?>) runs.get(1)).get("model")).get("recall@20")).doubleValue();
        double meanModel = ((Number) ((Map<?, ?>) mean.get("model")).get("recall@20")).doubleValue();
        assertEquals((r0 + r1) / 2, meanModel, 1e-4);
        double meanEase = ((Number) ((Map<?, ?>) mean.get("EASE")).get("recall@20")).doubleValue();
        double ratio = ((Number) ((Map<?, ?>) json.get("ratios")).get("model/EASE recall@20")).doubleValue();
        assertEquals(meanModel / meanEase, ratio, 2e-3);
        Map<?, ?> ease = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) runs.get(0)).get("baselines")).get("EASE");
        assertEquals(2, ((List<?>) ease.get("lambdaPerFold")).size());
        Run repeated = run("evaluate", "--data", data.toString(), "--seeds", "3,3");
        assertEquals(2, repeated.code(), repeated::toString);
        assertEquals(1, repeated.err().strip().lines().count(), repeated::toString);
    }
}
