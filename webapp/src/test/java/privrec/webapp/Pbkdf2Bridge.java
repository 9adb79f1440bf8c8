package privrec.webapp;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The Java half of the HtmlUnit PBKDF2 bridge: {@code crypto.subtle} PBKDF2 computed by the JDK's
 * {@code PBKDF2WithHmacSHA256} (and SHA-1/384/512). Records each derivation's parameters — never the password or the
 * result — so tests can check e.g. that the vault really uses 600,000 iterations.
 */
public final class Pbkdf2Bridge {

    /** Parameters of one derivation. */
    public record Derivation(String hash, int iterations, int saltBytes, int bits) {
    }

    private static final Map<String, String> JDK_ALGORITHM = Map.of(
            "SHA-1", "PBKDF2WithHmacSHA1",
            "SHA-256", "PBKDF2WithHmacSHA256",
            "SHA-384", "PBKDF2WithHmacSHA384",
            "SHA-512", "PBKDF2WithHmacSHA512");

    private final List<Derivation> derivations = Collections.synchronizedList(new ArrayList<>());

    public List<Derivation> derivations() {
        return List.copyOf(derivations);
    }

    /**
     * PBKDF2 over the password's bytes. The JDK takes the password as chars and encodes them as UTF-8, so the bytes
     * must be valid UTF-8 (TextEncoder output always is); anything else is refused rather than silently changed.
     */
    public static byte[] derive(byte[] password, byte[] salt, int iterations, String hash, int bits) {
        String algorithm = JDK_ALGORITHM.get(hash);
        if (algorithm == null) {
            throw new IllegalArgumentException("PBKDF2 hash " + hash + " is not supported");
        }
        if (salt.length == 0) {
            throw new IllegalArgumentException("the JDK's PBKDF2 needs a non-empty salt");
        }
        char[] chars = strictUtf8(password);
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("PBKDF2 failed: " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }

    void deriveInto(byte[] password, byte[] salt, int iterations, String hash, int bits, Object out) {
        derivations.add(new Derivation(hash, iterations, salt.length, bits));
        byte[] key = derive(password, salt, iterations, hash, bits);
        try {
            JsValues.fill(out, key, "PBKDF2 output");
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static char[] strictUtf8(byte[] bytes) {
        try {
            CharBuffer cb = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            char[] chars = new char[cb.remaining()];
            cb.get(chars);
            return chars;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("test bridge: PBKDF2 password bytes are not UTF-8; the JDK cannot take them");
        }
    }
}
