package privrec.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed {@code models/} must be exactly what {@code java -jar trainer.jar train} writes on the default
 * (synthetic) data. When this fails after an intended change, retrain: {@code java -jar trainer/target/trainer.jar train}.
 */
class ModelsUpToDateTest {
    private static final Path COMMITTED = Path.of("..", "models");

    @Test
    void committedModelsAreWhatDefaultTrainingProduces(@TempDir Path out) throws Exception {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = TrainerMain.run(new String[]{"train", "--out", out.toString()}, new PrintWriter(stdout), new PrintWriter(stderr));
        assertEquals(0, code, () -> stdout + "\n" + stderr);
        List<String> written;
        try (var files = Files.list(out)) {
            written = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        List<String> committed;
        try (var files = Files.list(COMMITTED)) {
            committed = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        assertEquals(written, committed, "models/ holds other files than `train` writes; retrain and commit models/");
        for (String name : written) {
            assertArrayEquals(Files.readAllBytes(COMMITTED.resolve(name)), Files.readAllBytes(out.resolve(name)),
                    () -> "models/" + name + " is not what `train` produces now; retrain and commit models/");
        }
    }
}
