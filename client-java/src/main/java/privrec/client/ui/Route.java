package privrec.client.ui;

/**
 * A page's address: a fragment such as {@code #/home} or {@code #/movie/50}. Fragments never reach the server
 * (the privacy proof's request logs stay identical), and Back/Forward move between them.
 *
 * @param movieId the movie of {@link View#MOVIE}, else 0
 */
record Route(View view, int movieId) {
    static final Route HOME = new Route(View.HOME, 0);

    static Route of(View view) {
        return new Route(view, 0);
    }

    static Route movie(int movieId) {
        return new Route(View.MOVIE, movieId);
    }

    /** The fragment, with its leading {@code #}. */
    String fragment() {
        return view == View.MOVIE ? "#/movie/" + movieId : "#/" + view.path;
    }

    /** The route for a fragment; an empty, unknown or malformed one is home. */
    static Route parse(String fragment) {
        String path = fragment == null ? "" : fragment;
        if (path.startsWith("#")) {
            path = path.substring(1);
        }
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.startsWith("movie/")) {
            try {
                int id = Integer.parseInt(path.substring("movie/".length()));
                return id > 0 ? movie(id) : HOME;
            } catch (NumberFormatException e) {
                return HOME;
            }
        }
        for (View view : View.values()) {
            if (view != View.MOVIE && view != View.ONBOARDING && view.path.equals(path)) {
                return of(view);
            }
        }
        return HOME;
    }
}
