package privrec.core;

/**
 * Why an item was recommended, computed on the device from the user's own data only.
 *
 * @param kind    which explanation applies
 * @param because for {@link Kind#BECAUSE_YOU_LIKED}: the liked item that contributed most to the score; else null
 */
public record Reason(Kind kind, Item because) {
    public enum Kind {
        /** One of the user's liked movies contributed most to this score. */
        BECAUSE_YOU_LIKED,
        /** No history signal; the profile term ranked it (popular with people of the user's profile). */
        POPULAR_WITH_PROFILE,
        /** Neither history nor profile; popular overall. */
        POPULAR
    }

    public Reason {
        if (kind == null) {
            throw new IllegalArgumentException("reason kind is required");
        }
        if ((kind == Kind.BECAUSE_YOU_LIKED) != (because != null)) {
            throw new IllegalArgumentException("an item is required exactly for BECAUSE_YOU_LIKED");
        }
    }

    /** A sentence for the UI. */
    public String text() {
        return switch (kind) {
            case BECAUSE_YOU_LIKED -> "Because you liked " + because.title();
            case POPULAR_WITH_PROFILE -> "Popular with people of your profile";
            case POPULAR -> "Popular on this site";
        };
    }
}
