package privrec.client.app;

/** One-shot timers (browser: {@code setTimeout}); the task runs in an event, so it must not block. */
public interface Timers {
    /** A scheduled task that can still be called off. */
    interface Scheduled {
        void cancel();
    }

    Scheduled schedule(double delayMillis, Runnable task);
}
