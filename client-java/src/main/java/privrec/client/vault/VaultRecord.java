package privrec.client.vault;

import java.util.LinkedHashMap;
import java.util.Map;
import privrec.core.FormatException;
import privrec.core.Json;

/**
 * The encrypted envelope of one vault, as stored under one localStorage key and (with {@link #name}) as a backup
 * file. Everything in it is either random (salt, IVs), a public parameter (KDF, iterations, format version,
 * revision) or ciphertext; the version and the revision are also bound into the AES-GCM associated data, so
 * editing them is detected.
 *
 * <pre>
 * {
 *   "format": "privrec-vault",          // or "privrec-vault-backup"
 *   "version": 3,                         // plaintext format version (see PlaintextFormat)
 *   "name": "alice",                      // backups only; in storage the key carries the name
 *   "kdf": "PBKDF2-SHA256",
 *   "iterations": 600000,
 *   "salt": "base64 (16 bytes)",
 *   "checkIv": "base64 (12 bytes)",       // password check: a fixed text encrypted once per key
 *   "check": "base64",
 *   "revision": 7,                        // +1 on every write; the two-tab conflict check compares it
 *   "iv": "base64 (12 bytes, fresh every write)",
 *   "ciphertext": "base64 (AES-GCM output incl. 16-byte tag)"
 * }
 * </pre>
 */
record VaultRecord(String format, int version, String name, int iterations, byte[] salt, byte[] checkIv,
                   byte[] check, int revision, byte[] iv, byte[] ciphertext) {
    static final String STORED_FORMAT = "privrec-vault";
    static final String BACKUP_FORMAT = "privrec-vault-backup";
    static final String KDF = "PBKDF2-SHA256";
    static final int SALT_BYTES = 16;
    static final int IV_BYTES = 12;
    /** Bounds on a stored iteration count, so an edited record cannot make unlock hang or skip the KDF. */
    static final int MIN_ITERATIONS = 1;
    static final int MAX_ITERATIONS = 10_000_000;

    String toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", format);
        out.put("version", version);
        if (name != null) {
            out.put("name", name);
        }
        out.put("kdf", KDF);
        out.put("iterations", iterations);
        out.put("salt", Base64Text.encode(salt));
        out.put("checkIv", Base64Text.encode(checkIv));
        out.put("check", Base64Text.encode(check));
        out.put("revision", revision);
        out.put("iv", Base64Text.encode(iv));
        out.put("ciphertext", Base64Text.encode(ciphertext));
        return Json.write(out);
    }

    VaultRecord withName(String newName, String newFormat) {
        return new VaultRecord(newFormat, version, newName, iterations, salt, checkIv, check, revision, iv,
                ciphertext);
    }

    /**
     * Parses stored or backup text.
     *
     * @throws VaultException CORRUPTED when damaged; UNSUPPORTED_VERSION when it is another format or a newer
     *                        version
     */
    static VaultRecord parse(String text, String expectedFormat, String what) {
        Map<String, Object> map;
        try {
            map = Json.parseObject(text, what);
        } catch (FormatException e) {
            throw damaged(expectedFormat, what, e);
        }
        Object format = map.get("format");
        if (!expectedFormat.equals(format)) {
            throw new VaultException(VaultException.Kind.UNSUPPORTED_VERSION,
                    "This is not a " + (BACKUP_FORMAT.equals(expectedFormat) ? "vault backup" : "vault")
                            + " this app can read.");
        }
        int version = intField(expectedFormat, map, "version", what);
        if (version < 1 || version > PlaintextFormat.CURRENT_VERSION) {
            throw new VaultException(VaultException.Kind.UNSUPPORTED_VERSION,
                    "This " + (BACKUP_FORMAT.equals(expectedFormat) ? "backup" : "vault") + " was written by a "
                            + "newer version of the app (format " + version + "); this version reads formats 1 to "
                            + PlaintextFormat.CURRENT_VERSION + ".");
        }
        if (!KDF.equals(map.get("kdf"))) {
            throw damaged(expectedFormat, what, null);
        }
        int iterations = intField(expectedFormat, map, "iterations", what);
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw damaged(expectedFormat, what, null);
        }
        Object name = map.get("name");
        if (name != null && !(name instanceof String)) {
            throw damaged(expectedFormat, what, null);
        }
        String f = expectedFormat;
        return new VaultRecord((String) format, version, (String) name, iterations,
                bytesField(f, map, "salt", SALT_BYTES, what), bytesField(f, map, "checkIv", IV_BYTES, what),
                bytesField(f, map, "check", -1, what), intField(f, map, "revision", what),
                bytesField(f, map, "iv", IV_BYTES, what), bytesField(f, map, "ciphertext", -1, what));
    }

    private static int intField(String expectedFormat, Map<String, Object> map, String field, String what) {
        if (map.get(field) instanceof Integer value && value >= 0) {
            return value;
        }
        throw damaged(expectedFormat, what, null);
    }

    private static byte[] bytesField(String expectedFormat, Map<String, Object> map, String field, int length,
                                     String what) {
        byte[] bytes = map.get(field) instanceof String text ? Base64Text.decodeOrNull(text) : null;
        // A GCM output is at least the 16-byte tag.
        if (bytes == null || (length >= 0 ? bytes.length != length : bytes.length < 16)) {
            throw damaged(expectedFormat, what, null);
        }
        return bytes;
    }

    /** CORRUPTED, with the advice that fits a stored vault or a backup file. */
    static VaultException damaged(String format, String what, Throwable cause) {
        String advice = BACKUP_FORMAT.equals(format)
                ? " Nothing was imported."
                : " Nothing was overwritten: you can export it as it is, or reset it to start over.";
        return new VaultException(VaultException.Kind.CORRUPTED,
                "The data of " + what + " is damaged or was modified, so it cannot be opened." + advice, cause);
    }
}
