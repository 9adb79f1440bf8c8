package privrec.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import privrec.core.Profile;
import privrec.trainer.data.DataFormatException;
import privrec.trainer.data.Movie;
import privrec.trainer.data.MovieLensCsvSideFiles;
import privrec.trainer.model.UserPositives;
import scala.Tuple2;

/**
 * Reads a data directory on any Spark-readable path (file:, hdfs:, s3a:, …) into cached {@link UserRow}s in
 * ascending user-id order, as {@link privrec.trainer.model.Interactions#of} does in memory: movies in id order are
 * the catalog columns, each user's ratings sorted by column, users without a positive dropped. movies.csv and
 * users.csv are small and read on the driver by the trainer's own parser; ratings are read by the executors.
 */
final class SparkData {
    static final String PARQUET_RATINGS = "ratings.parquet";

    /** Where the ratings are: ratings.csv (the ml-csv layout) or ratings.parquet. */
    enum Format {
        ML_CSV("ml-csv"), PARQUET("parquet");

        final String cliName;

        Format(String cliName) {
            this.cliName = cliName;
        }

        static Format parse(String text) {
            for (Format format : values()) {
                if (format.cliName.equals(text)) {
                    return format;
                }
            }
            throw new IllegalArgumentException("unknown format \"" + text + "\"; expected ml-csv or parquet");
        }

        @Override
        public String toString() {
            return cliName;
        }
    }

    /**
     * @param movies      catalog movies, column i = movies.get(i)
     * @param users       cached, ascending user id, each with at least one positive
     * @param description the single-machine trainer's description of the same directory
     * @param dataThrough UTC date of the newest rating
     */
    record Loaded(List<Movie> movies, JavaRDD<UserRow> users, String description, String dataThrough) {
    }

    private SparkData() {
    }

    static Loaded load(SparkSession spark, String dir, Format format, int partitions) throws IOException {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = sc.hadoopConfiguration();
        Path base = new Path(dir);
        FileSystem fs = base.getFileSystem(conf);
        if (!fs.exists(base) || !fs.getFileStatus(base).isDirectory()) {
            throw new DataFormatException(dir, 0, "no such directory (expected movies.csv, optionally users.csv, and "
                    + (format == Format.ML_CSV ? MovieLensCsvSideFiles.RATINGS : PARQUET_RATINGS) + ")");
        }
        List<Movie> movies;
        try (InputStream in = open(fs, base, MovieLensCsvSideFiles.MOVIES)) {
            movies = MovieLensCsvSideFiles.movies(in);
        }
        Map<Integer, Short> profileCodes = new HashMap<>();
        Path usersFile = new Path(base, MovieLensCsvSideFiles.USERS);
        if (fs.exists(usersFile)) {
            try (InputStream in = fs.open(usersFile)) {
                for (Map.Entry<Integer, Profile> e : MovieLensCsvSideFiles.users(in).entrySet()) {
                    profileCodes.put(e.getKey(), UserRow.encode(e.getValue()));
                }
            }
        }
        int[] movieIds = movies.stream().mapToInt(Movie::id).toArray(); // ascending: the column order
        JavaRDD<RatingLine> ratings = format == Format.ML_CSV ? csvRatings(spark, fs, base)
                : parquetRatings(spark, base);

        Broadcast<int[]> idsB = sc.broadcast(movieIds);
        Broadcast<Map<Integer, Short>> profilesB = sc.broadcast(profileCodes);
        MaxAccumulator newest = new MaxAccumulator();
        sc.sc().register(newest, "newest rating");
        String ratingsName = format == Format.ML_CSV ? MovieLensCsvSideFiles.RATINGS : PARQUET_RATINGS;
        // One shuffle of (user, column·stars) pairs, range-partitioned and sorted by user id: each partition holds
        // consecutive users, each user's ratings together.
        JavaPairRDD<Integer, Long> byUser = ratings.mapToPair(r -> {
            newest.add(r.timestamp());
            int column = Arrays.binarySearch(idsB.value(), r.movieId());
            if (column < 0) {
                throw new DataFormatException(ratingsName, 0, "unknown movie id " + r.movieId() + " (not in "
                        + MovieLensCsvSideFiles.MOVIES + ")");
            }
            return new Tuple2<>(r.userId(), ((long) column << 8) | r.halfStars());
        }).sortByKey(true, partitions);
        JavaRDD<UserRow> users = byUser.mapPartitions(part -> groupUsers(part, profilesB.value(), ratingsName))
                .persist(StorageLevel.MEMORY_AND_DISK());
        long count = users.count(); // materializes the cache and the newest-rating accumulator
        if (count == 0) {
            throw new DataFormatException(ratingsName, 0, "no user has a positive rating (4 stars or more)");
        }
        String through = Instant.ofEpochSecond(newest.value()).atZone(ZoneOffset.UTC).toLocalDate().toString();
        String name = base.getName();
        String description = format == Format.ML_CSV ? "MovieLens CSV (" + name + ")" : "Parquet ratings (" + name + ")";
        return new Loaded(movies, users, description, through);
    }

    /** Consecutive pairs of one user → that user's row, ratings by column; a repeated movie is an error. */
    private static Iterator<UserRow> groupUsers(Iterator<Tuple2<Integer, Long>> part, Map<Integer, Short> profiles,
                                                String ratingsName) {
        List<UserRow> rows = new ArrayList<>();
        long[] buffer = new long[64];
        int count = 0;
        int user = 0;
        while (true) {
            Tuple2<Integer, Long> next = part.hasNext() ? part.next() : null;
            if (count > 0 && (next == null || next._1() != user)) {
                UserRow row = row(user, Arrays.copyOf(buffer, count), profiles, ratingsName);
                if (row != null) {
                    rows.add(row);
                }
                count = 0;
            }
            if (next == null) {
                return rows.iterator();
            }
            user = next._1();
            if (count == buffer.length) {
                buffer = Arrays.copyOf(buffer, count * 2);
            }
            buffer[count++] = next._2();
        }
    }

    private static UserRow row(int userId, long[] packed, Map<Integer, Short> profiles, String ratingsName) {
        Arrays.sort(packed); // by column, then stars
        int[] columns = new int[packed.length];
        float[] stars = new float[packed.length];
        for (int k = 0; k < packed.length; k++) {
            columns[k] = (int) (packed[k] >>> 8);
            stars[k] = (packed[k] & 0xff) * 0.5f;
            if (k > 0 && columns[k] == columns[k - 1]) {
                // As the single-machine reader: MovieLens never repeats a rating, so a repeat means a damaged file.
                throw new DataFormatException(ratingsName, 0, "user " + userId + " rated the movie in catalog column "
                        + columns[k] + " more than once");
            }
        }
        Short code = profiles.get(userId);
        Profile profile = code == null ? Profile.EMPTY : UserRow.decode(code);
        UserPositives user = UserPositives.fromRatings(userId, profile, columns, stars, columns.length);
        return user.size() > 0 ? new UserRow(user) : null;
    }

    private static JavaRDD<RatingLine> csvRatings(SparkSession spark, FileSystem fs, Path base) throws IOException {
        String header;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                open(fs, base, MovieLensCsvSideFiles.RATINGS), StandardCharsets.UTF_8))) {
            header = reader.readLine();
        }
        String file = MovieLensCsvSideFiles.RATINGS;
        String expected = MovieLensCsvSideFiles.RATINGS_HEADER;
        if (header == null) {
            throw new DataFormatException(file, 0, "file is empty");
        }
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (!header.equals(expected)) {
            throw new DataFormatException(file, 1, "header is \"" + header + "\", expected \"" + expected + "\"");
        }
        String path = new Path(base, file).toString();
        return spark.read().textFile(path).javaRDD().mapPartitionsWithIndex((index, lines) -> {
            List<RatingLine> parsed = new ArrayList<>();
            boolean first = index == 0;
            while (lines.hasNext()) {
                String line = lines.next();
                if (first) {
                    first = false;
                    continue; // the header, checked above
                }
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                if (line.isEmpty()) {
                    continue;
                }
                if (line.equals(expected)) {
                    throw new DataFormatException(file, 0, "duplicate header (were two files concatenated?)");
                }
                parsed.add(RatingLine.parseCsv(file, line));
            }
            return parsed.iterator();
        }, true);
    }

    private static JavaRDD<RatingLine> parquetRatings(SparkSession spark, Path base) {
        String file = PARQUET_RATINGS;
        Dataset<Row> frame = spark.read().parquet(new Path(base, file).toString());
        List<String> columns = Arrays.asList(frame.columns());
        for (String wanted : List.of("userId", "movieId", "rating", "timestamp")) {
            if (!columns.contains(wanted)) {
                throw new DataFormatException(file, 0, "has no column \"" + wanted + "\" (columns: " + columns
                        + "; expected userId, movieId, rating, timestamp)");
            }
        }
        return frame.select("userId", "movieId", "rating", "timestamp").javaRDD()
                .map(row -> RatingLine.of(file, row.get(0), row.get(1), row.get(2), row.get(3)));
    }

    private static InputStream open(FileSystem fs, Path base, String name) throws IOException {
        Path file = new Path(base, name);
        if (!fs.exists(file)) {
            throw new DataFormatException(name, 0, "file not found in " + base);
        }
        return fs.open(file);
    }
}
