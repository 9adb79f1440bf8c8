package privrec.client.js.dom;

import org.teavm.jso.browser.Window;

import privrec.client.app.Timers;

/** {@link Timers} over {@code setTimeout}/{@code clearTimeout}. */
public final class BrowserTimers implements Timers {
    /** setTimeout's largest delay (2^31 − 1 ms); a longer wait is taken in steps. */
    private static final double MAX_DELAY = 2_147_483_647d;

    @Override
    public Scheduled schedule(double delayMillis, Runnable task) {
        Handle handle = new Handle();
        handle.arm(Math.max(0, delayMillis), task);
        return handle;
    }

    private static final class Handle implements Scheduled {
        private int id = -1;
        private boolean cancelled;

        void arm(double remaining, Runnable task) {
            double step = Math.min(remaining, MAX_DELAY);
            id = Window.setTimeout(() -> {
                if (cancelled) {
                    return;
                }
                if (remaining > step) {
                    arm(remaining - step, task);
                } else {
                    task.run();
                }
            }, (int) step);
        }

        @Override
        public void cancel() {
            cancelled = true;
            if (id >= 0) {
                Window.clearTimeout(id);
            }
        }
    }
}
