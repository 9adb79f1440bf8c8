package privrec.webapp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.brotli.dec.BrotliInputStream;

/** Checks a precompressed copy against its original by decompressing it (gzip: the JDK; brotli: Google's decoder). */
final class Compression {
    private Compression() {
    }

    /** True when {@code compressed}, decoded with {@code coding} ({@code gzip} or {@code br}), is exactly {@code original}. */
    static boolean decodesTo(String coding, byte[] compressed, byte[] original) {
        try (InputStream in = decoder(coding, compressed)) {
            byte[] buffer = new byte[64 * 1024];
            int at = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (at + n > original.length
                        || !Arrays.equals(buffer, 0, n, original, at, at + n)) {
                    return false;
                }
                at += n;
            }
            return at == original.length;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static InputStream decoder(String coding, byte[] compressed) throws IOException {
        return switch (coding) {
            case "gzip" -> new GZIPInputStream(new ByteArrayInputStream(compressed));
            case "br" -> new BrotliInputStream(new ByteArrayInputStream(compressed));
            default -> throw new IOException("unknown coding " + coding);
        };
    }
}
