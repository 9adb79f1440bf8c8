package privrec.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limiter's three limits and its forgetting, on a fake clock. */
class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000);

    private RateLimiter limiter(int perSender, int global, int senders) {
        return new RateLimiter(new RateLimiter.Limits(perSender, global, senders, TimeUnit.HOURS.toMillis(1)), now::get);
    }

    @Test
    void aSenderGetsItsAttemptsPerWindowAndTheNextWindowForgetsThem() {
        RateLimiter r = limiter(3, 1_000, 100);
        for (int i = 0; i < 3; i++) {
            assertTrue(r.allow("192.0.2.1"));
        }
        assertFalse(r.allow("192.0.2.1"));
        assertTrue(r.allow("192.0.2.2"), "another sender is counted apart");
        now.addAndGet(TimeUnit.MINUTES.toNanos(61));
        assertTrue(r.allow("192.0.2.1"), "a new key and no counts after the window");
        assertEquals(1, r.senders());
    }

    @Test
    void theGlobalCapHoldsAcrossSendersPerMinute() {
        RateLimiter r = limiter(100, 5, 100);
        for (int i = 0; i < 5; i++) {
            assertTrue(r.allow("198.51.100." + i));
        }
        assertFalse(r.allow("198.51.100.200"));
        now.addAndGet(TimeUnit.SECONDS.toNanos(61));
        assertTrue(r.allow("198.51.100.200"));
    }

    @Test
    void theMapOfSendersIsBounded() {
        RateLimiter r = limiter(100, 1_000, 2);
        assertTrue(r.allow("a"));
        assertTrue(r.allow("b"));
        assertFalse(r.allow("c"), "a third sender is refused until the window ends");
        assertTrue(r.allow("a"), "known senders still count");
        assertEquals(2, r.senders());
        assertTrue(r.secondsLeftInWindow() > 3_000);
    }
}
