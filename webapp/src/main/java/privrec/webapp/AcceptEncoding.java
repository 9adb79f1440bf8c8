package privrec.webapp;

import java.util.Locale;

/** Picks the content-coding for a response from the request's Accept-Encoding (RFC 9110 12.5.3), q-values included. */
final class AcceptEncoding {

    private AcceptEncoding() {
    }

    /** {@code br} if accepted and present, else {@code gzip} if accepted and present, else {@code identity}. */
    static String choose(String acceptEncoding, Asset asset) {
        for (String coding : new String[] {"br", "gzip"}) {
            if (asset.representation(coding).isPresent() && accepts(acceptEncoding, coding)) {
                return coding;
            }
        }
        return "identity";
    }

    static boolean accepts(String header, String coding) {
        if (header == null || header.isBlank()) {
            return false;
        }
        Double explicit = null;
        Double wildcard = null;
        for (String part : header.split(",")) {
            String[] fields = part.split(";");
            String name = fields[0].trim().toLowerCase(Locale.ROOT);
            double q = 1.0;
            for (int i = 1; i < fields.length; i++) {
                String f = fields[i].trim();
                if (f.startsWith("q=") || f.startsWith("Q=")) {
                    try {
                        q = Double.parseDouble(f.substring(2).trim());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (name.equals(coding) || ("gzip".equals(coding) && name.equals("x-gzip"))) {
                explicit = q;
            } else if (name.equals("*")) {
                wildcard = q;
            }
        }
        double q = explicit != null ? explicit : wildcard != null ? wildcard : 0;
        return q > 0;
    }
}
