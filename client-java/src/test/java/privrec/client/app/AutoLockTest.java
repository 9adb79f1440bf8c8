package privrec.client.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AutoLockTest {
    @Test
    void dueOnlyAfterTheIdleLimitSinceTheLastActivity() {
        AutoLock lock = new AutoLock(5, 0);
        assertFalse(lock.isDue(4 * 60_000.0));
        lock.touch(4 * 60_000.0);
        assertFalse(lock.isDue(8 * 60_000.0));
        assertTrue(lock.isDue(9 * 60_000.0));
    }

    @Test
    void limitsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new AutoLock(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new AutoLock(24 * 60 + 1, 0));
    }
}
