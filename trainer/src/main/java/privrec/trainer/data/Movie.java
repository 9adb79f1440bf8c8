package privrec.trainer.data;

/**
 * A movie as read from a data set, before it becomes a catalog {@link privrec.core.Item}.
 *
 * @param id        the data set's movie id (positive)
 * @param title     display title
 * @param year      release year, 0 when unknown
 * @param genreMask bit i set for {@code privrec.core.Genres.NAMES.get(i)}
 */
public record Movie(int id, String title, int year, int genreMask) {
}
