package privrec.trainer.export;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes artifacts so that readers never see a half-written file: everything goes to a temporary directory inside
 * {@code --out} first, and only when all files are complete are they moved into place, each with an atomic rename,
 * the manifest last (it is what the browser reads first, and it names the others by hash). Other files in
 * {@code --out} are left alone.
 */
public final class ArtifactWriter {
    private ArtifactWriter() {
    }

    /** @param files name → bytes, in write order; put the manifest last */
    public static void write(Path out, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(out);
        Path temp = Files.createTempDirectory(out, ".privrec-train-");
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(temp.resolve(file.getKey()), file.getValue());
            }
            for (String name : files.keySet()) {
                move(temp.resolve(name), out.resolve(name));
            }
        } finally {
            for (String name : files.keySet()) {
                Files.deleteIfExists(temp.resolve(name));
            }
            Files.deleteIfExists(temp);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A part file name as {@code Manifest.partName} makes them. */
    private static final java.util.regex.Pattern PART = java.util.regex.Pattern.compile(
            "(model|basis|catalog)-[0-9a-f]{16}\\.(onnx|bin|tsv)");

    /**
     * Removes the part files in {@code out} that {@code keep} does not name (an earlier release's), after the new
     * manifest is in place; files of any other name are left alone.
     */
    public static void pruneParts(Path out, java.util.Set<String> keep) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(out)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (PART.matcher(name).matches() && !keep.contains(name)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** An ordered map helper. */
    public static Map<String, byte[]> files() {
        return new LinkedHashMap<>();
    }
}
