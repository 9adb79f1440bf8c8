package privrec.client.js.webcrypto;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSByRef;

import privrec.core.privacy.NoiseSource;

/**
 * {@link NoiseSource} over the browser's CSPRNG, {@code crypto.getRandomValues} — never {@code Math.random}. The
 * Java array's own Int8Array is filled in place, in calls of at most 65,536 bytes (the Web Crypto limit).
 */
public final class CryptoRandom implements NoiseSource {
    /** The most bytes one getRandomValues call may fill. */
    public static final int MAX_BYTES_PER_CALL = 65_536;

    /** Throws when the browser has no getRandomValues: a report is then never made (no weaker fallback). */
    public CryptoRandom() {
        if (!WebCrypto.hasRandomValues()) {
            throw new IllegalStateException("this browser has no crypto.getRandomValues");
        }
    }

    @Override
    public void nextBytes(byte[] bytes) {
        for (int at = 0; at < bytes.length; at += MAX_BYTES_PER_CALL) {
            fill(bytes, at, Math.min(MAX_BYTES_PER_CALL, bytes.length - at));
        }
    }

    @JSBody(params = {"array", "offset", "length"},
            script = "crypto.getRandomValues(new Uint8Array(array.buffer, array.byteOffset + offset, length));")
    private static native void fill(@JSByRef byte[] array, int offset, int length);
}
