package privrec.webapp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Limits {@code POST /contributions} attempts without keeping anything that identifies a sender.
 *
 * <p>Each attempt is counted under {@code HMAC-SHA256(key, client address)} cut to 64 bits, never the address
 * itself. The key is 32 random bytes made in memory and never written anywhere; every
 * {@link Limits#windowMillis} (an hour by default) it is replaced by a new one and every count is forgotten, so a
 * count can neither be reversed to an address nor linked to the counts of earlier windows. Nothing is persisted.
 *
 * <p>The limits ({@link Limits#DEFAULT}): at most {@code perSender} (10) attempts per sender per window, accepted or
 * refused alike; at most {@code globalPerMinute} (600) attempts per minute from everyone together; at most
 * {@code maxSenders} (100,000) senders counted per window — once that many are, a new sender is refused until the
 * window ends (memory stays bounded, about 10 MB). Behind a NAT many people share an address: 10 per hour is still
 * far above what one browser sends (one report per release).
 */
final class RateLimiter {

    /**
     * @param perSender       attempts per sender per window
     * @param globalPerMinute attempts per minute from all senders together
     * @param maxSenders      senders counted per window; more are refused
     * @param windowMillis    how long a key (and the counts under it) lives
     */
    record Limits(int perSender, int globalPerMinute, int maxSenders, long windowMillis) {
        static final Limits DEFAULT = new Limits(10, 600, 100_000, TimeUnit.HOURS.toMillis(1));

        Limits {
            if (perSender < 1 || globalPerMinute < 1 || maxSenders < 1 || windowMillis < 1) {
                throw new IllegalArgumentException("rate limits must be positive");
            }
        }
    }

    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Limits limits;
    private final LongSupplier nanoTime;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, int[]> counts = new HashMap<>();
    private Mac mac;
    private long windowStart;
    private long minuteStart;
    private int minuteCount;

    RateLimiter(Limits limits) {
        this(limits, System::nanoTime);
    }

    RateLimiter(Limits limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
        long now = nanoTime.getAsLong();
        rotate(now);
        minuteStart = now;
    }

    Limits limits() {
        return limits;
    }

    /** Counts one attempt from {@code clientAddress}; false when it is over a limit (and then it is not served). */
    synchronized boolean allow(String clientAddress) {
        long now = nanoTime.getAsLong();
        if (now - windowStart >= TimeUnit.MILLISECONDS.toNanos(limits.windowMillis())) {
            rotate(now);
        }
        if (now - minuteStart >= MINUTE_NANOS) {
            minuteStart = now;
            minuteCount = 0;
        }
        if (minuteCount >= limits.globalPerMinute()) {
            return false;
        }
        long key = key(clientAddress);
        int[] count = counts.get(key);
        if (count == null) {
            if (counts.size() >= limits.maxSenders()) {
                return false;
            }
            count = new int[1];
            counts.put(key, count);
        }
        if (count[0] >= limits.perSender()) {
            return false;
        }
        count[0]++;
        minuteCount++;
        return true;
    }

    /** Seconds until the current window ends (the Retry-After of a refusal). */
    synchronized long secondsLeftInWindow() {
        long left = TimeUnit.MILLISECONDS.toNanos(limits.windowMillis()) - (nanoTime.getAsLong() - windowStart);
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(left));
    }

    /** Senders counted in this window (for tests). */
    synchronized int senders() {
        return counts.size();
    }

    private void rotate(long now) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            mac = m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
        java.util.Arrays.fill(key, (byte) 0);
        counts.clear();
        windowStart = now;
    }

    private long key(String clientAddress) {
        byte[] h = mac.doFinal(clientAddress.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(h, 0, 8).getLong();
    }
}
