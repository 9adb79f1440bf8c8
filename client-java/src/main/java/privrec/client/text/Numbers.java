package privrec.client.text;

/**
 * Number formatting that gives the same text on the JVM and in TeaVM's JavaScript: TeaVM's
 * {@code String.format} differs around {@code %f} and rounding, so the UI never relies on it.
 */
public final class Numbers {
    private Numbers() {
    }

    /** {@code value} with exactly {@code decimals} digits after the point (0..6), half away from zero. */
    public static String fixed(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        if (decimals < 0 || decimals > 6) {
            throw new IllegalArgumentException("decimals " + decimals + " is outside 0..6");
        }
        double scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        double rounded = Math.floor(Math.abs(value) * scale + 0.5);
        double whole = Math.floor(rounded / scale);
        int fraction = (int) (rounded - whole * scale);
        StringBuilder out = new StringBuilder();
        if (value < 0 && rounded != 0) {
            out.append('-');
        }
        out.append(wholeDigits(whole));
        if (decimals > 0) {
            String digits = String.valueOf(fraction);
            out.append('.');
            for (int i = digits.length(); i < decimals; i++) {
                out.append('0');
            }
            out.append(digits);
        }
        return out.toString();
    }

    /** Digits of a whole number below 2^53 (e.g. a time in ms) without int overflow or exponent notation. */
    private static String wholeDigits(double whole) {
        if (whole < 1_000_000_000.0) {
            return String.valueOf((int) whole);
        }
        double high = Math.floor(whole / 1_000_000_000.0);
        String low = String.valueOf((int) (whole - high * 1_000_000_000.0));
        StringBuilder out = new StringBuilder(wholeDigits(high));
        for (int i = low.length(); i < 9; i++) {
            out.append('0');
        }
        return out.append(low).toString();
    }

    /** "812 bytes", "14.6 KB", "3.2 MB" (decimal units, as download sizes are usually shown). */
    public static String bytes(double bytes) {
        if (bytes < 1000) {
            return fixed(bytes, 0) + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1_000_000) {
            return fixed(bytes / 1000, 1) + " KB";
        }
        return fixed(bytes / 1_000_000, 1) + " MB";
    }
}
