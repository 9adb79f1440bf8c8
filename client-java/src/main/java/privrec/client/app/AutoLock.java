package privrec.client.app;

/**
 * Inactivity tracking for auto-lock. Pure bookkeeping on times the caller supplies (milliseconds as
 * {@code double}: Java {@code long} is a BigInt in TeaVM's JavaScript and {@code performance.now()} is a double).
 * The browser side calls {@link #touch} on user activity and {@link #isDue} from a periodic timer.
 */
public final class AutoLock {
    public static final int DEFAULT_MINUTES = 10;

    private double idleLimitMillis;
    private double lastActivity;

    public AutoLock(int minutes, double now) {
        setMinutes(minutes);
        this.lastActivity = now;
    }

    public void setMinutes(int minutes) {
        if (minutes < 1 || minutes > 24 * 60) {
            throw new IllegalArgumentException("auto-lock after " + minutes + " minutes is outside 1..1440");
        }
        this.idleLimitMillis = minutes * 60_000.0;
    }

    public int minutes() {
        return (int) (idleLimitMillis / 60_000.0);
    }

    public void touch(double now) {
        lastActivity = now;
    }

    /** True once the user has been idle for the limit. */
    public boolean isDue(double now) {
        return now - lastActivity >= idleLimitMillis;
    }
}
