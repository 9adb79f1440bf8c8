package privrec.client.ui;

/** The pages of the app; {@code <body data-view>} carries {@link #attribute()}. */
enum View {
    UNLOCK("Profiles"),
    ONBOARDING("Getting started"),
    HOME("Recommendations"),
    RATINGS("My ratings"),
    PRIVACY("Privacy"),
    MODEL("Model"),
    SETTINGS("Settings");

    final String title;

    View(String title) {
        this.title = title;
    }

    String attribute() {
        return name().toLowerCase();
    }

    /** Pages that need an unlocked profile. */
    boolean needsProfile() {
        return this != UNLOCK && this != PRIVACY && this != MODEL;
    }
}
