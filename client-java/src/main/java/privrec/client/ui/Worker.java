package privrec.client.ui;

import java.util.ArrayDeque;

import org.teavm.jso.browser.Performance;

import privrec.client.app.ErrorMessages;

/**
 * Runs UI actions one at a time on a TeaVM thread, then re-renders once.
 *
 * <p>Why a thread: vault and scoring calls await promises, which only works on a TeaVM thread, never directly in
 * a DOM listener. Why one at a time: two quick clicks must not both read the same contents and race to save.
 * While work is queued or running, {@code <body data-busy="true">}; tests wait for {@code "false"}.
 * {@code <body data-last-action-ms>} holds the time from the click to the re-rendered screen of the last action.
 */
final class Worker {
    /** One step of work; may block, may throw (the error becomes the on-screen sentence). */
    interface Task {
        /** Returns a status sentence to announce, or null. */
        String run() throws Exception;
    }

    /** What the worker needs from the shell. */
    interface Screen {
        void render();

        void status(String sentence);

        void error(String sentence);

        void busy(boolean busy, double lastActionMillis);

        /** Time split of the last drain: the actions themselves (vault, crypto) and the re-render (ranking, DOM). */
        void timings(double taskMillis, double renderMillis);
    }

    private final Screen screen;
    private final ArrayDeque<Task> queue = new ArrayDeque<>();
    private final ArrayDeque<Double> queuedAt = new ArrayDeque<>();
    private boolean draining;

    Worker(Screen screen) {
        this.screen = screen;
    }

    /** Queues {@code task}; the screen re-renders after the queue empties. */
    void submit(Task task) {
        queue.add(task);
        queuedAt.add(Performance.now());
        if (!draining) {
            draining = true;
            screen.busy(true, -1);
            new Thread(this::drain).start();
        }
    }

    /** Queues a plain re-render (after a model load or a change made in another tab). */
    void refresh() {
        submit(() -> null);
    }

    private void drain() {
        double firstQueued = -1;
        double taskMillis = 0;
        double renderMillis = 0;
        String error = null;
        String status = null;
        // Rendering may block (scoring awaits); tasks queued meanwhile run in the next round of this loop.
        while (!queue.isEmpty()) {
            while (!queue.isEmpty()) {
                Task task = queue.poll();
                double at = queuedAt.poll();
                if (firstQueued < 0) {
                    firstQueued = at;
                }
                double started = Performance.now();
                try {
                    String said = task.run();
                    if (said != null) {
                        status = said;
                        error = null;
                    }
                } catch (Throwable e) {
                    error = ErrorMessages.sentence(e);
                }
                taskMillis += Performance.now() - started;
            }
            double renderStart = Performance.now();
            try {
                screen.render();
            } catch (Throwable e) {
                error = ErrorMessages.sentence(e);
            }
            renderMillis += Performance.now() - renderStart;
        }
        if (error != null) {
            screen.error(error);
        } else if (status != null) {
            screen.status(status);
        }
        draining = false;
        screen.timings(taskMillis, renderMillis);
        screen.busy(false, Performance.now() - firstQueued);
    }
}
