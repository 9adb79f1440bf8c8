package privrec.client.vault;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The vault's crypto contract with the JDK's real algorithms (PBKDF2WithHmacSHA256, AES/GCM/NoPadding, 128-bit
 * tag) — the same bytes WebCrypto produces. Records the IVs used, so tests can check that none repeats.
 */
final class JdkVaultCrypto implements VaultCrypto {
    private final SecureRandom random = new SecureRandom();
    final List<byte[]> encryptionIvs = new ArrayList<>();
    int derivations;

    private record JdkKey(SecretKeySpec spec) implements Key {
    }

    @Override
    public byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    @Override
    public Key deriveKey(String password, byte[] salt, int iterations) {
        derivations++;
        try {
            // WebCrypto takes the password's UTF-8 bytes; PBEKeySpec takes chars and the JDK encodes them as
            // UTF-8 for PBKDF2WithHmacSHA256, so both derive the same key.
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            byte[] raw = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new JdkKey(new SecretKeySpec(raw, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public byte[] encrypt(Key key, byte[] iv, byte[] aad, byte[] plaintext) {
        encryptionIvs.add(iv.clone());
        return run(Cipher.ENCRYPT_MODE, key, iv, aad, plaintext);
    }

    @Override
    public byte[] decrypt(Key key, byte[] iv, byte[] aad, byte[] ciphertext) {
        return run(Cipher.DECRYPT_MODE, key, iv, aad, ciphertext);
    }

    private static byte[] run(int mode, Key key, byte[] iv, byte[] aad, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, ((JdkKey) key).spec(), new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new AuthenticationFailedException("tag mismatch");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
