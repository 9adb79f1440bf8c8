package privrec.core.privacy;

/**
 * Cryptographically strong random bytes: {@code crypto.getRandomValues} in the browser, {@code SecureRandom} on the
 * JVM. Never {@code Math.random}, whose output a page can predict and so subtract.
 */
public interface NoiseSource {
    void nextBytes(byte[] bytes);
}
