package privrec.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import privrec.contributions.ReportStore;
import privrec.core.Manifest;
import privrec.core.privacy.BasisChunk;
import privrec.core.privacy.BasisRows;
import privrec.core.privacy.ByteSource;
import privrec.core.privacy.Contribution;
import privrec.core.privacy.ContributionPolicy;

/**
 * {@code trainer aggregate} end to end on an H2 store written by the server's own {@link ReportStore}: reports made
 * by the browser's code from the base release's basis file; too few are refused with nothing written, enough feed
 * an update that records how many it used.
 */
class AggregateCommandTest {
    @TempDir
    static Path work;
    static Path data;

    @BeforeAll
    static void smallData() {
        data = work.resolve("small");
        CliTest.Run run = CliTest.run("generate", "--out", data.toString(), "--movies", "120", "--users", "160",
                "--ratings", "7000");
        assertEquals(0, run.code(), run::toString);
    }

    @Test
    void refusesTooFewReportsThenUpdatesWithThem() throws Exception {
        Path base = work.resolve("base");
        CliTest.Run train = CliTest.run("train", "--data", data.toString(), "--format", "ml-csv", "--out",
                base.toString(), "--rank", "16", "--eval-folds", "0");
        assertEquals(0, train.code(), train::toString);
        Manifest manifest = CliTest.manifest(base);
        ContributionPolicy policy = ContributionPolicy.of(manifest);
        assertEquals(1000, policy.minReports());
        BasisRows basis = BasisChunk.join(List.of(BasisChunk.parse(
                ByteSource.of(Files.readAllBytes(base.resolve(manifest.modelData().get(0)))), "basis")));
        String url = "jdbc:h2:file:" + work.resolve("db/contributions").toAbsolutePath();
        SecureRandom random = new SecureRandom();
        try (ReportStore store = ReportStore.open(url)) {
            for (int r = 0; r < 999; r++) {
                store.accept(report(manifest, policy, basis, random));
            }
        }
        Path out = work.resolve("next");
        CliTest.Run few = CliTest.run("aggregate", "--base", base.toString(), "--data", data.toString(), "--format",
                "ml-csv", "--reports", url, "--out", out.toString());
        assertEquals(2, few.code(), few::toString);
        assertTrue(few.err().contains("999 reports for release " + manifest.modelId() + "; at least 1,000"), few::toString);
        assertFalse(Files.exists(out), "nothing is written");

        try (ReportStore store = ReportStore.open(url)) {
            store.accept(report(manifest, policy, basis, random));
        }
        CliTest.Run enough = CliTest.run("aggregate", "--base", base.toString(), "--data", data.toString(),
                "--format", "ml-csv", "--reports", url, "--out", out.toString());
        assertEquals(0, enough.code(), enough::toString);
        assertTrue(enough.out().contains("1,000 reports for release " + manifest.modelId()), enough::toString);
        Manifest next = CliTest.manifest(out);
        assertEquals(manifest.modelId(), next.baseModelId());
        Map<?, ?> update = (Map<?, ?>) next.training().get("update");
        assertEquals(1000, update.get("contributedReports"));
        assertEquals(manifest.basisId(), next.basisId(), "the basis is kept");
    }

    private static privrec.core.privacy.ContributionReport report(Manifest manifest, ContributionPolicy policy,
                                                                 BasisRows basis, SecureRandom random) {
        float[] history = new float[basis.itemCount()];
        for (int i = 0; i < 12; i++) {
            history[random.nextInt(history.length)] = 1 + random.nextInt(2) / 3f;
        }
        double epsilon = policy.epsilons().get(random.nextInt(policy.epsilons().size()));
        return Contribution.report(manifest.modelId(), policy, epsilon, history, basis, random::nextBytes);
    }
}
