package privrec.client.app;

/** One line of "My ratings": a rated movie with its title (or "Movie #id" when the catalog lacks it). */
public record RatingRow(int movieId, String title, int year, float stars, double ratedAtMillis) {
}
