package privrec.client.app;

/** Something the user can fix, already phrased as the sentence to show ("The two passwords differ."). */
public final class UserError extends RuntimeException {
    public UserError(String sentence) {
        super(sentence);
    }
}
