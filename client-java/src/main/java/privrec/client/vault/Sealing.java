package privrec.client.vault;

import java.nio.charset.StandardCharsets;
import java.util.List;
import privrec.core.Json;

/**
 * Turns contents into sealed {@link VaultRecord}s and back, over a {@link VaultCrypto}.
 *
 * <p>Why a separate password check: AES-GCM cannot tell a wrong key from a modified ciphertext — both fail the
 * tag. Each key therefore also seals a fixed text once ({@code checkIv}/{@code check}, associated data
 * {@link #CHECK_AAD}); if that opens, the password is right, and a failure of the main ciphertext means the
 * data was modified (CORRUPTED), not that the password is wrong. The check reveals nothing the main ciphertext
 * does not (both allow the same offline guessing, at 600,000 PBKDF2 iterations per guess).
 *
 * <p>Associated data of the main ciphertext: the JSON array {@code ["privrec-vault", version, name, revision]},
 * so a blob moved to another name, or an edited version or revision, fails authentication.
 */
final class Sealing {
    static final byte[] CHECK_TEXT = "privrec-vault password check".getBytes(StandardCharsets.UTF_8);
    static final byte[] CHECK_AAD = "[\"privrec-vault-check\"]".getBytes(StandardCharsets.UTF_8);

    /** What stays the same for every write until the password changes. The key never leaves VaultCrypto. */
    record Credentials(VaultCrypto.Key key, int iterations, byte[] salt, byte[] checkIv, byte[] check) {
    }

    private final VaultCrypto crypto;

    Sealing(VaultCrypto crypto) {
        this.crypto = crypto;
    }

    static byte[] aad(int version, String name, int revision) {
        return Json.write(List.of("privrec-vault", version, name, revision)).getBytes(StandardCharsets.UTF_8);
    }

    /** A new random salt, the derived key and its password check. */
    Credentials newCredentials(String password, int iterations) {
        byte[] salt = crypto.randomBytes(VaultRecord.SALT_BYTES);
        VaultCrypto.Key key = crypto.deriveKey(password, salt, iterations);
        byte[] checkIv = crypto.randomBytes(VaultRecord.IV_BYTES);
        byte[] check = crypto.encrypt(key, checkIv, CHECK_AAD, CHECK_TEXT);
        return new Credentials(key, iterations, salt, checkIv, check);
    }

    /**
     * Derives the key for {@code password} with the record's salt and iterations and verifies it.
     *
     * @return the credentials, or null when the password is wrong
     */
    Credentials tryPassword(String password, int iterations, byte[] salt, byte[] checkIv, byte[] check) {
        VaultCrypto.Key key = crypto.deriveKey(password, salt, iterations);
        try {
            crypto.decrypt(key, checkIv, CHECK_AAD, check);
        } catch (VaultCrypto.AuthenticationFailedException e) {
            return null;
        }
        return new Credentials(key, iterations, salt, checkIv, check);
    }

    Credentials tryPassword(String password, VaultRecord record) {
        return tryPassword(password, record.iterations(), record.salt(), record.checkIv(), record.check());
    }

    /** Encrypts {@code contents} in the current format with a fresh IV. */
    VaultRecord seal(Credentials c, String name, int revision, VaultContents contents, String format,
                     String nameField) {
        byte[] iv = crypto.randomBytes(VaultRecord.IV_BYTES);
        int version = PlaintextFormat.CURRENT_VERSION;
        byte[] ciphertext = crypto.encrypt(c.key(), iv, aad(version, name, revision), Padding.pad(PlaintextFormat.write(contents)));
        return new VaultRecord(format, version, nameField, c.iterations(), c.salt(), c.checkIv(), c.check(),
                revision, iv, ciphertext);
    }

    /**
     * Decrypts and decodes (migrating old versions) a record sealed for {@code name}.
     *
     * @throws VaultException CORRUPTED when authentication or decoding fails
     */
    VaultContents open(Credentials c, VaultRecord record, String name, String what) {
        byte[] plaintext;
        try {
            plaintext = crypto.decrypt(c.key(), record.iv(), aad(record.version(), name, record.revision()),
                    record.ciphertext());
        } catch (VaultCrypto.AuthenticationFailedException e) {
            throw VaultRecord.damaged(record.format(), what, e);
        }
        try {
            return PlaintextFormat.read(plaintext, record.version());
        } catch (RuntimeException e) {
            // Authentic but undecodable: written by a buggy build. Still never overwrite it.
            throw VaultRecord.damaged(record.format(), what, e);
        }
    }
}
