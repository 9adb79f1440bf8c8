package privrec.client.vault;

/**
 * The cryptography the vault needs, behind an interface so the vault logic runs on the JVM in tests.
 * Browser: {@code privrec.client.js.webcrypto.WebCryptoVaultCrypto}; tests: a javax.crypto double.
 *
 * <p>Contract: PBKDF2-HMAC-SHA256 → AES-256-GCM with a 128-bit tag; the key never leaves the implementation
 * (non-extractable in WebCrypto). Implementations throw {@link VaultException} CRYPTO_UNAVAILABLE when the
 * platform lacks an algorithm.
 */
public interface VaultCrypto {
    /** An opaque handle to a derived key; only the implementation that made it can use it. */
    interface Key {
    }

    /** Thrown by {@link #decrypt} when the tag does not verify: wrong key, or modified ciphertext / IV / AAD. */
    final class AuthenticationFailedException extends RuntimeException {
        public AuthenticationFailedException(String message) {
            super(message);
        }
    }

    /** {@code count} cryptographically strong random bytes. */
    byte[] randomBytes(int count);

    /** PBKDF2-HMAC-SHA256(password as UTF-8, salt, iterations) → AES-GCM-256 key. */
    Key deriveKey(String password, byte[] salt, int iterations);

    /** AES-GCM encryption; the result is ciphertext followed by the 16-byte tag. */
    byte[] encrypt(Key key, byte[] iv, byte[] aad, byte[] plaintext);

    /** Inverse of {@link #encrypt}; throws {@link AuthenticationFailedException} when anything was altered. */
    byte[] decrypt(Key key, byte[] iv, byte[] aad, byte[] ciphertext);
}
