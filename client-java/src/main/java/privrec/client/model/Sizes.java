package privrec.client.model;

/** Human byte counts without String.format (TeaVM's classlib lacks several format conversions). */
final class Sizes {
    private Sizes() {
    }

    static String human(int bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return tenths(bytes, 1024) + " KB";
        }
        return tenths(bytes, 1024 * 1024) + " MB";
    }

    private static String tenths(int bytes, int unit) {
        int tenths = (int) ((bytes * 10L + unit / 2) / unit);
        return (tenths / 10) + "." + (tenths % 10);
    }
}
