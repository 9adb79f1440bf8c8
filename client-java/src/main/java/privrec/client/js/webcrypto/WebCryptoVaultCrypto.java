package privrec.client.js.webcrypto;

import java.nio.charset.StandardCharsets;
import privrec.client.js.JsException;
import privrec.client.js.JsPromises;
import privrec.client.vault.VaultCrypto;
import privrec.client.vault.VaultException;
import org.teavm.jso.typedarrays.ArrayBuffer;
import org.teavm.jso.typedarrays.Uint8Array;

/**
 * {@link VaultCrypto} on the browser's WebCrypto: PBKDF2-SHA256 → a non-extractable AES-GCM-256
 * {@link CryptoKey}. Every method blocks the calling TeaVM thread on a promise.
 */
public final class WebCryptoVaultCrypto implements VaultCrypto {
    private static final String[] DERIVE = {"deriveKey"};
    private static final String[] ENCRYPT_DECRYPT = {"encrypt", "decrypt"};

    /** A derived key; only this class can use it, and its bytes cannot be read even here. */
    private static final class WebKey implements Key {
        final CryptoKey key;

        WebKey(CryptoKey key) {
            this.key = key;
        }
    }

    @Override
    public byte[] randomBytes(int count) {
        if (!WebCrypto.hasRandomValues()) {
            throw unavailable(null);
        }
        Uint8Array array = Uint8Array.create(count);
        WebCrypto.getRandomValues(array);
        return WebCrypto.copyToJava(array);
    }

    @Override
    public Key deriveKey(String password, byte[] salt, int iterations) {
        SubtleCrypto subtle = subtle();
        try {
            Uint8Array passwordBytes = WebCrypto.copyToJs(password.getBytes(StandardCharsets.UTF_8));
            CryptoKey base = JsPromises.await(subtle.importKey("raw", passwordBytes, WebCrypto.pbkdf2(), false,
                    DERIVE));
            CryptoKey key = JsPromises.await(subtle.deriveKey(WebCrypto.pbkdf2Sha256(WebCrypto.copyToJs(salt),
                    iterations), base, WebCrypto.aesGcm256(), false, ENCRYPT_DECRYPT));
            return new WebKey(key);
        } catch (JsException e) {
            // Old browsers (and HtmlUnit without the test bridge) lack PBKDF2.
            if (e.mentions("NotSupportedError")) {
                throw unavailable(e);
            }
            throw e;
        }
    }

    @Override
    public byte[] encrypt(Key key, byte[] iv, byte[] aad, byte[] plaintext) {
        ArrayBuffer out = JsPromises.await(subtle().encrypt(
                WebCrypto.aesGcm(WebCrypto.copyToJs(iv), WebCrypto.copyToJs(aad)), unwrap(key),
                WebCrypto.copyToJs(plaintext)));
        return WebCrypto.copyToJava(out);
    }

    @Override
    public byte[] decrypt(Key key, byte[] iv, byte[] aad, byte[] ciphertext) {
        try {
            ArrayBuffer out = JsPromises.await(subtle().decrypt(
                    WebCrypto.aesGcm(WebCrypto.copyToJs(iv), WebCrypto.copyToJs(aad)), unwrap(key),
                    WebCrypto.copyToJs(ciphertext)));
            return WebCrypto.copyToJava(out);
        } catch (JsException e) {
            // WebCrypto reports a failed AES-GCM tag only as OperationError (HtmlUnit may put it in the message).
            if (e.mentions("OperationError")) {
                throw new AuthenticationFailedException(e.getMessage());
            }
            throw e;
        }
    }

    private static CryptoKey unwrap(Key key) {
        if (!(key instanceof WebKey web)) {
            throw new IllegalArgumentException("not a key made by WebCryptoVaultCrypto");
        }
        return web.key;
    }

    private static SubtleCrypto subtle() {
        SubtleCrypto subtle = WebCrypto.subtle();
        if (subtle == null) {
            throw unavailable(null);
        }
        return subtle;
    }

    private static VaultException unavailable(Throwable cause) {
        return new VaultException(VaultException.Kind.CRYPTO_UNAVAILABLE, "This browser cannot encrypt the vault "
                + "here: it lacks the Web Crypto functions needed (PBKDF2 and AES-GCM), or the page was not "
                + "opened over https:// or from localhost.", cause);
    }
}
