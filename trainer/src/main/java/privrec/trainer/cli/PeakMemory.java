package privrec.trainer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's peak resident memory (Linux VmHWM), for the timing line commands print at the end. */
final class PeakMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private PeakMemory() {
    }

    /** ", peak RSS 6.4 GB" or "" where the kernel does not report it (not Linux). */
    static String suffix() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").trim());
                    return String.format(", peak RSS %.2f GB", kb / (1024.0 * 1024.0));
                }
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
        return "";
    }
}
