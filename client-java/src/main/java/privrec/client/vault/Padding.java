package privrec.client.vault;

/**
 * Pads a vault's plaintext before encryption so the ciphertext's length says little about what is inside.
 *
 * <p>The rule: the plaintext JSON is followed by spaces up to the smallest power of two that holds it, at least
 * {@value #MIN_BYTES} bytes. AES-GCM keeps lengths (ciphertext = plaintext + 16-byte tag), so the stored record's
 * size then only tells which bucket — 4 KiB, 8 KiB, 16 KiB, … — the data falls in. A rating takes about 80 bytes
 * of (pretty-printed) JSON, so the first bucket holds a profile with up to ~45 ratings, and each further bucket
 * roughly doubles that:
 * an observer of the size learns the number of ratings to within a factor of two, no better. Trailing spaces are
 * JSON whitespace, so records written before padding and padded ones decode the same way, with no format change.
 */
final class Padding {
    static final int MIN_BYTES = 4096;

    private Padding() {
    }

    /** The padded length for a plaintext of {@code length} bytes. */
    static int bucket(int length) {
        int size = MIN_BYTES;
        while (size < length) {
            if (size > (1 << 29)) {
                throw new IllegalArgumentException("vault plaintext of " + length + " bytes is too large");
            }
            size <<= 1;
        }
        return size;
    }

    static byte[] pad(byte[] plaintext) {
        byte[] out = new byte[bucket(plaintext.length)];
        System.arraycopy(plaintext, 0, out, 0, plaintext.length);
        for (int i = plaintext.length; i < out.length; i++) {
            out[i] = ' ';
        }
        return out;
    }
}
