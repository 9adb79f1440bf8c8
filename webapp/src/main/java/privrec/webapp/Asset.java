package privrec.webapp;

import java.util.Map;
import java.util.Optional;

/**
 * One file of the site, fully in memory, with its precompressed siblings.
 *
 * @param path        site path without leading slash, e.g. {@code ort/ort.wasm.min.js}
 * @param content     identity bytes
 * @param encoded     precompressed representations by content-coding ({@code br}, {@code gzip})
 * @param sha256      lowercase hex SHA-256 of {@link #content}; the strong ETag
 * @param contentType value of the Content-Type header
 * @param immutable   true only when the name carries a prefix of {@link #sha256} (see {@link Site#isContentHashed})
 */
public record Asset(String path, byte[] content, Map<String, byte[]> encoded, String sha256, String contentType,
                    boolean immutable) {

    public Asset {
        encoded = Map.copyOf(encoded);
    }

    /** The bytes for one content-coding ({@code identity}, {@code br}, {@code gzip}), if the site has them. */
    public Optional<byte[]> representation(String coding) {
        return "identity".equals(coding) ? Optional.of(content) : Optional.ofNullable(encoded.get(coding));
    }

    /** Strong ETag of one representation; compressed bytes differ, so their tags must differ too (RFC 9110 8.8.3). */
    public String etag(String coding) {
        return "identity".equals(coding) ? '"' + sha256 + '"' : '"' + sha256 + '-' + coding + '"';
    }
}
