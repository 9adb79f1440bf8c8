package privrec.contributions;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.logging.LogFactory;
import org.flywaydb.core.api.logging.LogLevel;
import privrec.core.FormatException;
import privrec.core.privacy.ContributionReport;

/**
 * The store of accepted contribution reports: one row per report in table {@code contribution_report}
 * ({@code digest}, {@code release}, {@code epsilon}, {@code rank}, {@code payload}), created by the Flyway
 * migrations in {@code privrec/contributions/migration}, the same SQL on H2 (the embedded default) and PostgreSQL.
 *
 * <p>What a row holds is the report and nothing else: no time of arrival, no sequence number or auto-increment id
 * (either would order reports by arrival, which timing can link to sessions), nothing about the sender. The
 * {@code digest} — hex SHA-256 of the report's bytes — is the primary key and so the replay guard: the same report
 * sent twice is stored once ({@link Outcome#DUPLICATE}). {@link #reports} returns reports ordered by digest, an
 * order unrelated to arrival.
 *
 * <p>Thread-safe: one JDBC connection, used by one caller at a time, opened again once when it was lost.
 * <pre>{@code
 * try (ReportStore store = ReportStore.open("jdbc:h2:file:/var/lib/privrec/contributions")) {
 *     store.accept(report);                        // STORED, or DUPLICATE for a replay
 *     List<ContributionReport> all = store.reports("privrec-8c51e0ff46e95c7c");
 * }
 * }</pre>
 */
public final class ReportStore implements AutoCloseable {

    /** Where the migrations are, on the classpath. */
    public static final String MIGRATIONS = "classpath:privrec/contributions/migration";

    /** What {@link #accept} did with a report. */
    public enum Outcome {
        /** A new report: one row written. */
        STORED,
        /** A report with the same bytes is already stored: nothing written. */
        DUPLICATE
    }

    /** Held so the level set on it stays (java.util.logging keeps loggers weakly). */
    private static final Logger FLYWAY_JUL = Logger.getLogger("org.flywaydb");
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Pattern SECRET = Pattern.compile("(?i)(password=)[^&;]*");

    private final String url;
    private Connection connection;

    private ReportStore(String url, Connection connection) {
        this.url = url;
        this.connection = connection;
    }

    /**
     * Opens the store at a JDBC URL — {@code jdbc:h2:...} (e.g. {@code jdbc:h2:file:/abs/dir/contributions}, or
     * {@code jdbc:h2:mem:name} for tests) or {@code jdbc:postgresql://host:port/db?user=...&password=...} — and
     * brings its schema up to date (Flyway). Credentials, when needed, go in the URL.
     *
     * @throws StoreException with a one-line message (password not shown) when the URL is not one of these, the
     *                        database cannot be reached, or a migration fails
     */
    public static ReportStore open(String jdbcUrl) {
        if (jdbcUrl == null || !(jdbcUrl.startsWith("jdbc:h2:") || jdbcUrl.startsWith("jdbc:postgresql:"))) {
            throw new StoreException("not a JDBC URL of H2 or PostgreSQL: \"" + redact(jdbcUrl)
                    + "\" (expected jdbc:h2:file:/path/name or jdbc:postgresql://host:port/database)", null);
        }
        Connection c = connect(jdbcUrl);
        quietFlyway();
        try {
            // After our own connection is open, so an in-memory H2 database outlives Flyway's connections.
            Flyway.configure(ReportStore.class.getClassLoader())
                    .dataSource(jdbcUrl, null, null)
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            closeQuietly(c);
            throw new StoreException("cannot set up the contribution store at " + redact(jdbcUrl) + ": "
                    + firstLine(e.getMessage()), e);
        }
        return new ReportStore(jdbcUrl, c);
    }

    /** Flyway's INFO lines (versions, "schema up to date") on every start say nothing an operator needs. */
    private static void quietFlyway() {
        LogFactory.setLogLevel(LogLevel.WARN);
        FLYWAY_JUL.setLevel(Level.WARNING);
    }

    private static Connection connect(String jdbcUrl) {
        try {
            Connection c = DriverManager.getConnection(jdbcUrl);
            c.setAutoCommit(true);
            return c;
        } catch (SQLException e) {
            throw new StoreException("cannot open the contribution store at " + redact(jdbcUrl) + ": "
                    + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Stores a report that the caller has checked ({@code ContributionCheck}): its bytes ({@link
     * ContributionReport#encode}, which are the body a browser sent: decoding and encoding are exact inverses),
     * their SHA-256, its release, ε and rank. A report already stored is not stored again.
     */
    public synchronized Outcome accept(ContributionReport report) {
        byte[] body = report.encode();
        String digest = digest(body);
        return withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO contribution_report "
                    + "(digest, release, epsilon, rank, payload) VALUES (?, ?, ?, ?, ?)")) {
                s.setString(1, digest);
                s.setString(2, report.release());
                s.setFloat(3, report.epsilon());
                s.setInt(4, report.rank());
                s.setBytes(5, body);
                s.executeUpdate();
                return Outcome.STORED;
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return Outcome.DUPLICATE;
                }
                throw e;
            }
        });
    }

    /** Every stored report of a release, ordered by digest (not by arrival). */
    public synchronized List<ContributionReport> reports(String release) {
        return withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT digest, rank, payload FROM contribution_report "
                    + "WHERE release = ? ORDER BY digest")) {
                s.setString(1, release);
                List<ContributionReport> out = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String digest = r.getString(1);
                        byte[] payload = r.getBytes(3);
                        if (!digest(payload).equals(digest)) {
                            throw new StoreException("stored report " + digest + " does not match its digest", null);
                        }
                        try {
                            out.add(ContributionReport.decode(payload, r.getInt(2)));
                        } catch (FormatException e) {
                            throw new StoreException("stored report " + digest + " is damaged: " + e.getMessage(), e);
                        }
                    }
                }
                return out;
            }
        });
    }

    /** How many reports of a release are stored. */
    public synchronized int count(String release) {
        return withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*) FROM contribution_report WHERE release = ?")) {
                s.setString(1, release);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return r.getInt(1);
                }
            }
        });
    }

    /** The releases that have stored reports, sorted. */
    public synchronized List<String> releases() {
        return withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT DISTINCT release FROM contribution_report ORDER BY release");
                 ResultSet r = s.executeQuery()) {
                List<String> out = new ArrayList<>();
                while (r.next()) {
                    out.add(r.getString(1));
                }
                return out;
            }
        });
    }

    /** Hex SHA-256 of a report's bytes: its key in the store. */
    public static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly(connection);
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work}; if the connection turns out to be lost (database restarted), opens it again once. */
    private <T> T withConnection(Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException first) {
            if (isValid(connection)) {
                throw failed(first);
            }
            closeQuietly(connection);
            connection = connect(url);
            try {
                return work.run(connection);
            } catch (SQLException second) {
                throw failed(second);
            }
        }
    }

    private StoreException failed(SQLException e) {
        return new StoreException("contribution store " + redact(url) + ": " + firstLine(e.getMessage()), e);
    }

    private static boolean isValid(Connection c) {
        try {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }

    /** The URL with any password replaced, for messages. */
    public static String redact(String url) {
        return url == null ? "null" : SECRET.matcher(url).replaceAll("$1***");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.strip();
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl).strip();
    }
}
