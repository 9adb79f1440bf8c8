package privrec.contributions;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same tests on a real PostgreSQL 15 ({@link PostgresServer}, started once for the class, stopped and deleted
 * after it, also when a test fails). Fails — does not skip — when PostgreSQL is not installed.
 */
class PostgresReportStoreTest extends ReportStoreContract {
    private static PostgresServer postgres;

    @BeforeAll
    static void startPostgres() {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    String url() {
        return postgres.url();
    }

    @Test
    void anUnreachableDatabaseIsOneClearErrorWithoutThePassword() {
        String url = "jdbc:postgresql://127.0.0.1:1/contributions?user=privrec&password=s3cret";
        StoreException e = assertThrows(StoreException.class, () -> ReportStore.open(url));
        assertTrue(e.getMessage().startsWith("cannot open the contribution store at "
                + "jdbc:postgresql://127.0.0.1:1/contributions?user=privrec&password=***: "), e.getMessage());
        assertTrue(!e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void theStoreReconnectsAfterTheConnectionIsLost() throws Exception {
        try (ReportStore store = ReportStore.open(url())) {
            store.accept(report(RELEASE, 1f, 4, 5));
            try (var c = java.sql.DriverManager.getConnection(url()); var s = c.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE datname = 'contributions' AND pid <> pg_backend_pid()");
            }
            org.junit.jupiter.api.Assertions.assertEquals(1, store.count(RELEASE));
        }
    }
}
