package privrec.client.ui;

/**
 * The pages of the app. {@code <body data-view>} carries {@link #attribute()}; the address of each is the
 * fragment {@code #/}{@link #path} (the movie page adds the movie id: {@code #/movie/50}).
 */
enum View {
    UNLOCK("Profiles", "profiles"),
    ONBOARDING("Getting started", "home"),
    HOME("Recommendations", "home"),
    BROWSE("Browse", "browse"),
    MOVIE("Movie", "movie"),
    RATINGS("My ratings", "ratings"),
    PRIVACY("Privacy", "privacy"),
    MODEL("Model", "model"),
    SETTINGS("Settings", "settings");

    final String title;
    final String path;

    View(String title, String path) {
        this.title = title;
        this.path = path;
    }

    String attribute() {
        return name().toLowerCase();
    }

    /** Pages that need an unlocked profile: while locked, their address shows the profile screen instead. */
    boolean needsProfile() {
        return this != UNLOCK && this != PRIVACY && this != MODEL;
    }
}
