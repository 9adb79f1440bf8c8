package privrec.client.vault;

/**
 * Wraps a crypto and records the iteration counts asked for, but derives with a low count so that a test of
 * the production constructor does not spend seconds in PBKDF2.
 */
final class CountingCrypto implements VaultCrypto {
    private final VaultCrypto inner;
    int lastIterations;

    CountingCrypto(VaultCrypto inner) {
        this.inner = inner;
    }

    @Override
    public byte[] randomBytes(int count) {
        return inner.randomBytes(count);
    }

    @Override
    public Key deriveKey(String password, byte[] salt, int iterations) {
        lastIterations = iterations;
        return inner.deriveKey(password, salt, VaultFixture.TEST_ITERATIONS);
    }

    @Override
    public byte[] encrypt(Key key, byte[] iv, byte[] aad, byte[] plaintext) {
        return inner.encrypt(key, iv, aad, plaintext);
    }

    @Override
    public byte[] decrypt(Key key, byte[] iv, byte[] aad, byte[] ciphertext) {
        return inner.decrypt(key, iv, aad, ciphertext);
    }
}
