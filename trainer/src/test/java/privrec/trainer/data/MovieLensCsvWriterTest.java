package privrec.trainer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import privrec.core.Profile;

class MovieLensCsvWriterTest {
    @TempDir
    Path dir;

    @Test
    void generatedDataRoundTripsThroughCsv() throws Exception {
        Dataset generated = SyntheticData.generate(3);
        Path out = dir.resolve("data");
        MovieLensCsvWriter.write(generated, out);
        Fixture.assertSameData(generated, Datasets.load(out, DataFormat.ML_CSV));
    }

    @Test
    void awkwardTitlesAndHalfStarsRoundTrip() throws Exception {
        Dataset data = new Dataset("hand-made", List.of(
                new Movie(2, "Goodbye, \"Lucky\" Lola (1961)", 1961, 0),
                new Movie(9, "Le Rêve de Paris (1994)", 1994, 1 | 1 << 8),
                new Movie(12, "No Year", 0, 1 << 18)),
                Map.of(5, new Profile(0, "F", null)),
                new int[] {5, 6}, new int[] {9, 2}, new float[] {0.5f, 4.5f}, new long[] {1L, 2_000_000_000_000L});
        Path out = dir.resolve("data");
        MovieLensCsvWriter.write(data, out);
        Fixture.assertSameData(data, Datasets.load(out, DataFormat.ML_CSV));
        assertTrue(Files.readString(out.resolve("movies.csv")).contains("2,\"Goodbye, \"\"Lucky\"\" Lola (1961)\",(no genres listed)\n"));
    }

    @Test
    void refusesNonEmptyDirectoryUnlessTold() throws Exception {
        Path out = dir.resolve("data");
        MovieLensCsvWriter.write(SyntheticData.generate(1, 40, 5, 100), out);
        byte[] before = Files.readAllBytes(out.resolve("ratings.csv"));
        assertThrows(FileAlreadyExistsException.class, () -> MovieLensCsvWriter.write(SyntheticData.generate(2), out));
        assertEquals(new String(before), Files.readString(out.resolve("ratings.csv")));
        Dataset replacement = SyntheticData.generate(2, 40, 5, 100);
        MovieLensCsvWriter.write(replacement, out, true);
        Fixture.assertSameData(replacement, Datasets.load(out, DataFormat.ML_CSV));
        assertEquals(List.of("data"), siblings());
    }

    @Test
    void neverReplacesADirectoryHoldingOtherFiles() throws Exception {
        Path out = dir.resolve("home");
        Fixture.write(out, "thesis.tex", "precious");
        assertThrows(FileAlreadyExistsException.class,
                () -> MovieLensCsvWriter.write(SyntheticData.generate(1, 40, 5, 100), out, true));
        assertEquals("precious", Files.readString(out.resolve("thesis.tex")));
    }

    @Test
    void failureLeavesNoHalfWrittenOutput() throws Exception {
        Dataset bad = new Dataset("no year, but the title ends in one", List.of(new Movie(1, "A (1990)", 0, 0)), Map.of(),
                new int[] {1}, new int[] {1}, new float[] {3}, new long[] {1});
        assertThrows(IllegalArgumentException.class, () -> MovieLensCsvWriter.write(bad, dir.resolve("data")));
        assertFalse(Files.exists(dir.resolve("data")));
        assertEquals(List.of(), siblings());
    }

    @Test
    void aTitleNotEndingInItsYearGetsItAppended() {
        assertEquals("Land Before Time III (1995) (V) (1995)",
                MovieLensCsvWriter.csvTitle(new Movie(1412, "Land Before Time III (1995) (V)", 1995, 0)));
        assertEquals("A (1990)", MovieLensCsvWriter.csvTitle(new Movie(1, "A (1990)", 1990, 0)));
    }

    private List<String> siblings() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
