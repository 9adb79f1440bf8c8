package privrec.client.app;

import privrec.client.text.Stars;

import privrec.client.vault.RatedMovie;
import privrec.core.Item;
import privrec.core.Profile;

/**
 * What the user changes in the open profile: ratings (half stars, as MovieLens), "not interested", the profile.
 * Each action is saved at once and can be undone once (the Undo bar); every method returns the status sentence.
 */
public final class UserEdits {
    private final AppContext context;

    UserEdits(AppContext context) {
        this.context = context;
    }

    /** True for 0.5, 1, 1.5 … 5: the MovieLens scale the trainer learned from. */
    public static boolean isValidStars(float stars) {
        return stars >= 0.5f && stars <= 5f && stars * 2 == Math.floor(stars * 2);
    }

    /** Rates a movie 0.5–5 stars in half-star steps. */
    public String rate(int movieId, float stars) {
        if (!isValidStars(stars)) {
            throw new UserError("Ratings go from half a star to 5 stars, in half-star steps.");
        }
        Session s = context.requireSession();
        RatedMovie previous = s.contents().findRating(movieId);
        String label = "Rated " + context.title(movieId) + " " + Stars.text(stars);
        Item item = context.model.catalog() == null ? null : context.model.catalog().byId(movieId);
        Edit edit = titled(Edits.rate(movieId, stars, context.clock.nowMillis(), item == null ? null : item.title(),
                item == null ? 0 : item.year()));
        context.prefetch.start(context, edit.apply(s.contents()));
        s.apply(edit, label, Edits.restoreRating(movieId, previous));
        context.changed();
        return label + ".";
    }

    public String dismiss(int movieId) {
        Session s = context.requireSession();
        boolean wasDismissed = s.contents().dismissed().contains(movieId);
        String label = "Marked " + context.title(movieId) + " as not interested";
        Edit edit = titled(Edits.dismiss(movieId, true));
        context.prefetch.start(context, edit.apply(s.contents()));
        s.apply(edit, label, Edits.dismiss(movieId, wasDismissed));
        context.changed();
        return label + ".";
    }

    /** Takes a movie off the "Not interested" list, so it can be recommended again. */
    public String restore(int movieId) {
        Session s = context.requireSession();
        if (!s.contents().dismissed().contains(movieId)) {
            return "That movie is not on your “Not interested” list.";
        }
        String label = "Put " + context.title(movieId) + " back into recommendations";
        s.apply(titled(Edits.dismiss(movieId, false)), label, Edits.dismiss(movieId, true));
        context.changed();
        return label + ".";
    }

    public String removeRating(int movieId) {
        Session s = context.requireSession();
        RatedMovie previous = s.contents().findRating(movieId);
        if (previous == null) {
            return "That movie has no rating.";
        }
        String label = "Removed your rating of " + context.title(movieId);
        s.apply(titled(Edits.removeRating(movieId)), label, Edits.restoreRating(movieId, previous));
        context.changed();
        return label + ".";
    }

    public String saveProfile(Profile profile) {
        Session s = context.requireSession();
        Profile before = s.contents().profile();
        s.apply(titled(Edits.profile(profile)), "Saved your profile", Edits.profile(before));
        context.changed();
        return "Saved your profile.";
    }

    /** {@code edit}, also storing catalog titles with older untitled ratings (see {@link Edits#withTitlesFrom}). */
    private Edit titled(Edit edit) {
        return Edits.withTitlesFrom(context.model.catalog(), edit);
    }

    /** The last action's label ("Rated Heat 4 stars"), or null when there is nothing to undo. */
    public String undoLabel() {
        Session.Undo undo = context.session == null ? null : context.session.lastAction();
        return undo == null ? null : undo.label();
    }

    public String undo() {
        String label = context.requireSession().undo();
        context.changed();
        return label == null ? "Nothing to undo." : "Undone: " + label + ".";
    }
}
