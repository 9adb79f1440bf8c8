package privrec.trainer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small data-set files for tests (never the real MovieLens files: they may not be redistributed). */
final class Fixture {
    private Fixture() {
    }

    static Path write(Path dir, String name, String text) {
        return writeBytes(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path writeBytes(Path dir, String name, byte[] bytes) {
        try {
            Files.createDirectories(dir);
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads and expects exactly this one-line error. */
    static void assertError(Path dir, DataFormat format, String expectedMessage) {
        DataFormatException e = assertThrows(DataFormatException.class, () -> Datasets.load(dir, format));
        assertEquals(expectedMessage, e.getMessage());
    }

    /** Content equality (Dataset is a record of arrays, whose equals compares identity). */
    static void assertSameData(Dataset expected, Dataset actual) {
        assertEquals(expected.movies(), actual.movies());
        assertEquals(expected.profiles(), actual.profiles());
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.userIds(), actual.userIds());
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.movieIds(), actual.movieIds());
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.stars(), actual.stars());
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected.timestamps(), actual.timestamps());
    }
}
