package privrec.contributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on H2, the embedded default: a file database in a temporary directory. */
class H2ReportStoreTest extends ReportStoreContract {
    @TempDir
    static Path dir;

    @Override
    String url() {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("contributions");
    }

    @Test
    void aFileDatabaseIsCreatedWhereTheUrlSays() {
        try (ReportStore store = ReportStore.open(url())) {
            store.accept(report(RELEASE, 1f, 4, 1));
        }
        assertTrue(Files.exists(dir.resolve("contributions.mv.db")));
    }

    @Test
    void anInMemoryDatabaseWorksForAsLongAsTheStoreIsOpen() {
        try (ReportStore store = ReportStore.open("jdbc:h2:mem:h2-report-store-test")) {
            store.accept(report(RELEASE, 1f, 4, 1));
            assertEquals(1, store.count(RELEASE));
        }
    }

    @Test
    void anUnusablePathIsOneClearError() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        StoreException e = assertThrows(StoreException.class,
                () -> ReportStore.open("jdbc:h2:file:" + file.resolve("contributions")));
        assertTrue(e.getMessage().startsWith("cannot open the contribution store at jdbc:h2:file:"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
