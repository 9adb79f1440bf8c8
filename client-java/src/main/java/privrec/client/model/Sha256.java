package privrec.client.model;

/** SHA-256 of a byte array (browser: WebCrypto {@code crypto.subtle.digest}). */
public interface Sha256 {
    /** Lowercase hex digest, 64 characters. */
    String hex(byte[] data);
}
