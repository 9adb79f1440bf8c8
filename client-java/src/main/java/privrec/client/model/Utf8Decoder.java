package privrec.client.model;

import java.nio.charset.StandardCharsets;

/**
 * UTF-8 bytes to text. The browser's is the native {@code TextDecoder}: a 3 MB catalog decodes in a few ms,
 * where TeaVM's Java decoder builds the string char by char (hundreds of ms, in one task).
 */
public interface Utf8Decoder {
    /** The JDK's decoder (JVM tests). */
    Utf8Decoder JAVA = bytes -> new String(bytes, StandardCharsets.UTF_8);

    /** Malformed input becomes U+FFFD, as {@code new String(bytes, UTF_8)} does. */
    String decode(byte[] utf8);
}
