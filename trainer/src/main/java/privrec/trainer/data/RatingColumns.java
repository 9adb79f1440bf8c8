package privrec.trainer.data;

import java.util.Arrays;

/** Growable primitive columns for ratings: no object per rating, so 32 million ratings take ~640 MB, not 3 GB. */
final class RatingColumns {
    private int[] users;
    private int[] movies;
    private float[] stars;
    private long[] timestamps;
    private int size;

    RatingColumns(int expected) {
        int capacity = Math.max(16, expected);
        users = new int[capacity];
        movies = new int[capacity];
        stars = new float[capacity];
        timestamps = new long[capacity];
    }

    /** A capacity guess from the file size, so that big files need few or no re-allocations. */
    static int expectedFromBytes(long bytes, int bytesPerLine) {
        return (int) Math.min(Integer.MAX_VALUE - 16, bytes / bytesPerLine + 16);
    }

    int size() {
        return size;
    }

    void add(int user, int movie, float star, long timestamp) {
        if (size == users.length) {
            grow();
        }
        users[size] = user;
        movies[size] = movie;
        stars[size] = star;
        timestamps[size] = timestamp;
        size++;
    }

    private void grow() {
        long wanted = Math.min(Integer.MAX_VALUE - 16L, users.length + (users.length >> 1) + 16L);
        if (wanted <= users.length) {
            throw new IllegalStateException("more than " + users.length + " ratings");
        }
        int capacity = (int) wanted;
        users = Arrays.copyOf(users, capacity);
        movies = Arrays.copyOf(movies, capacity);
        stars = Arrays.copyOf(stars, capacity);
        timestamps = Arrays.copyOf(timestamps, capacity);
    }

    int user(int i) {
        return users[i];
    }

    int movie(int i) {
        return movies[i];
    }

    /** Column arrays trimmed to size (copies only when the capacity guess was off). */
    int[] userIds() {
        return users.length == size ? users : Arrays.copyOf(users, size);
    }

    int[] movieIds() {
        return movies.length == size ? movies : Arrays.copyOf(movies, size);
    }

    float[] stars() {
        return stars.length == size ? stars : Arrays.copyOf(stars, size);
    }

    long[] timestamps() {
        return timestamps.length == size ? timestamps : Arrays.copyOf(timestamps, size);
    }
}
