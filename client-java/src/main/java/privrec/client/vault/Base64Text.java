package privrec.client.vault;

import java.util.Base64;

/**
 * Standard base64 with strict input checking. TeaVM's {@code Base64} decoder does not reject bad input the way
 * the JDK's does (and TeaVM does not check array bounds), so stored text is validated here before decoding.
 */
final class Base64Text {
    private Base64Text() {
    }

    static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The decoded bytes, or null when {@code text} is not padded standard base64. */
    static byte[] decodeOrNull(String text) {
        if (text == null || text.length() % 4 != 0) {
            return null;
        }
        int padding = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/';
            if (c == '=') {
                padding++;
                if (i < text.length() - 2) {
                    return null;
                }
            } else if (!alphabet || padding > 0) {
                return null;
            }
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
