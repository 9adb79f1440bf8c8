package privrec.contributions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import privrec.core.privacy.ContributionReport;

/**
 * The same round trip on every database the store supports: each subclass gives a JDBC URL of an empty,
 * reachable database (H2 in {@link H2ReportStoreTest}, a real PostgreSQL 15 in {@link PostgresReportStoreTest}).
 */
abstract class ReportStoreContract {
    static final String RELEASE = "privrec-8c51e0ff46e95c7c";
    static final String OTHER = "privrec-0000000000000001";

    /** A database this class may empty and fill. */
    abstract String url();

    @BeforeEach
    void empty() throws SQLException {
        try (ReportStore ignored = ReportStore.open(url());
             Connection c = DriverManager.getConnection(url());
             Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM contribution_report");
        }
    }

    static ContributionReport report(String release, float epsilon, int rank, long seed) {
        Random random = new Random(seed);
        float[] values = new float[rank];
        for (int i = 0; i < rank; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return new ContributionReport(release, epsilon, values);
    }

    @Test
    void acceptedReportsComeBackByReleaseOrderedByDigest() {
        List<ContributionReport> sent = new ArrayList<>();
        try (ReportStore store = ReportStore.open(url())) {
            for (int i = 0; i < 5; i++) {
                ContributionReport r = report(RELEASE, i % 2 == 0 ? 1f : 0.5f, 16, i);
                sent.add(r);
                assertEquals(ReportStore.Outcome.STORED, store.accept(r));
            }
            assertEquals(ReportStore.Outcome.STORED, store.accept(report(OTHER, 1f, 8, 99)));
            assertEquals(5, store.count(RELEASE));
            assertEquals(1, store.count(OTHER));
            assertEquals(0, store.count("privrec-none"));
            assertEquals(List.of(OTHER, RELEASE).stream().sorted().toList(), store.releases());

            sent.sort(Comparator.comparing(r -> ReportStore.digest(r.encode())));
            List<ContributionReport> back = store.reports(RELEASE);
            assertEquals(sent.size(), back.size());
            for (int i = 0; i < sent.size(); i++) {
                assertEquals(sent.get(i).release(), back.get(i).release());
                assertEquals(sent.get(i).epsilon(), back.get(i).epsilon());
                assertArrayEquals(sent.get(i).values(), back.get(i).values());
                assertArrayEquals(sent.get(i).encode(), back.get(i).encode());
            }
            assertEquals(8, store.reports(OTHER).get(0).rank());
        }
    }

    @Test
    void aReplayIsRefusedAndNothingIsStoredTwice() {
        ContributionReport r = report(RELEASE, 1f, 16, 7);
        try (ReportStore store = ReportStore.open(url())) {
            assertEquals(ReportStore.Outcome.STORED, store.accept(r));
            assertEquals(ReportStore.Outcome.DUPLICATE, store.accept(r));
            assertEquals(ReportStore.Outcome.DUPLICATE, store.accept(new ContributionReport(r.release(),
                    r.epsilon(), r.values())));
            assertEquals(1, store.count(RELEASE));
        }
    }

    @Test
    void reportsSurviveClosingAndReopeningAndMigrationsRunOnce() throws SQLException {
        ContributionReport r = report(RELEASE, 1f, 4, 3);
        try (ReportStore store = ReportStore.open(url())) {
            store.accept(r);
        }
        try (ReportStore store = ReportStore.open(url())) {
            assertEquals(1, store.count(RELEASE));
            assertArrayEquals(r.encode(), store.reports(RELEASE).get(0).encode());
            assertEquals(ReportStore.Outcome.DUPLICATE, store.accept(r), "the replay guard outlives a restart");
        }
        try (Connection c = DriverManager.getConnection(url());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" = '1'")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "one migration, applied once");
        }
    }

    @Test
    void aRowHoldsTheReportAndNothingElse() throws SQLException {
        ContributionReport r = report(RELEASE, 0.5f, 16, 11);
        try (ReportStore store = ReportStore.open(url())) {
            store.accept(r);
        }
        try (Connection c = DriverManager.getConnection(url())) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> columns = new ArrayList<>();
            for (String table : List.of("contribution_report", "CONTRIBUTION_REPORT")) {
                try (ResultSet rs = meta.getColumns(null, null, table, null)) {
                    while (rs.next()) {
                        columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)
                                + ":" + rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT)
                                + ":" + rs.getString("IS_AUTOINCREMENT"));
                    }
                }
            }
            assertEquals(5, columns.size(), columns.toString());
            List<String> names = columns.stream().map(col -> col.substring(0, col.indexOf(':'))).sorted().toList();
            assertEquals(List.of("digest", "epsilon", "payload", "rank", "release"), names);
            for (String col : columns) {
                assertTrue(col.endsWith(":NO"), "no auto-increment column: " + col);
                assertTrue(!col.contains("time") && !col.contains("date"), "no time column: " + col);
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT digest, release, epsilon, rank, payload FROM contribution_report")) {
                assertTrue(rs.next());
                assertEquals(ReportStore.digest(r.encode()), rs.getString(1));
                assertEquals(RELEASE, rs.getString(2));
                assertEquals(0.5f, rs.getFloat(3));
                assertEquals(16, rs.getInt(4));
                assertArrayEquals(r.encode(), rs.getBytes(5));
            }
        }
    }

    @Test
    void notAJdbcUrlOfASupportedDatabaseIsOneClearError() {
        StoreException e = assertThrows(StoreException.class, () -> ReportStore.open("postgres://x/y"));
        assertTrue(e.getMessage().startsWith("not a JDBC URL of H2 or PostgreSQL"), e.getMessage());
        StoreException mysql = assertThrows(StoreException.class, () -> ReportStore.open("jdbc:mysql://x/y"));
        assertTrue(mysql.getMessage().contains("jdbc:mysql://x/y"), mysql.getMessage());
    }
}
