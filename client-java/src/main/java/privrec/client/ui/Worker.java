package privrec.client.ui;

import java.util.ArrayDeque;

import org.teavm.jso.browser.Performance;


/**
 * Runs UI actions one at a time on a TeaVM thread, then re-renders once, then runs the render's follow-ups.
 *
 * <p>Why a thread: vault and scoring calls await promises, which only works on a TeaVM thread, never directly in
 * a DOM listener. Why one at a time: two quick clicks must not both read the same contents and race to save.
 * While work is queued or running, {@code <body data-busy="true">}; tests wait for {@code "false"}.
 * {@code <body data-last-action-ms>} holds the time from the click to the re-rendered screen of the last action.
 *
 * <p>Follow-ups ({@link #followUp}) finish what a render left pending (the reasons of a re-ranked list): they run
 * right after the rendered screen is reported, on this same thread, and only if no newer work arrived
 * meanwhile; newer work re-renders, and that render schedules its own follow-ups. {@code data-busy} stays
 * {@code "true"} until they are done, so "not busy" still means "the screen is complete".
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

        void busy(boolean busy);

        /**
         * The queued work is on screen: click → re-rendered screen, and its split into the actions themselves
         * (vault, crypto) and the re-render (ranking, DOM).
         */
        void timings(double actionMillis, double taskMillis, double renderMillis);
    }

    private final Screen screen;
    private final ArrayDeque<Task> queue = new ArrayDeque<>();
    private final ArrayDeque<Double> queuedAt = new ArrayDeque<>();
    private final ArrayDeque<Task> followUps = new ArrayDeque<>();
    private boolean draining;
    private double actionQueuedAt = -1;

    Worker(Screen screen) {
        this.screen = screen;
    }

    /** Queues {@code task}; the screen re-renders after the queue empties. */
    void submit(Task task) {
        queue.add(task);
        queuedAt.add(Performance.now());
        if (!draining) {
            draining = true;
            screen.busy(true);
            new Thread(this::drain).start();
        }
    }

    /** Queues a plain re-render (after a model load or a change made in another tab). */
    void refresh() {
        submit(() -> null);
    }

    /**
     * Called during a render: runs {@code task} after this render is on screen, unless newer work arrives first
     * (then it is dropped). Its status sentence, if any, is announced; its error shown.
     */
    void followUp(Task task) {
        followUps.add(task);
    }

    /** True when work is queued that will re-render: a follow-up's result would be stale. */
    boolean hasQueuedWork() {
        return !queue.isEmpty();
    }

    /** When the first action of the screen being completed was queued (performance.now() ms), for timings. */
    double actionQueuedAt() {
        return actionQueuedAt;
    }

    private void drain() {
        while (!queue.isEmpty()) {
            // Anything scheduled by an older render is superseded by the render this work ends with.
            followUps.clear();
            runActionsAndRender();
            while (!followUps.isEmpty() && queue.isEmpty()) {
                // No wait for a paint first: the follow-up's model run waits on onnxruntime-web's worker, and the
                // browser paints the list (and queues clicks) meanwhile, so the paint and the run overlap.
                Task followUp = followUps.poll();
                try {
                    String said = followUp.run();
                    if (said != null) {
                        screen.status(said);
                    }
                } catch (Throwable e) {
                    screen.error(ErrorMessages.sentence(e));
                }
            }
        }
        followUps.clear();
        draining = false;
        screen.busy(false);
    }

    /** Runs the queued actions and re-renders, until no more work is queued; then reports status and timings. */
    private void runActionsAndRender() {
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
                    actionQueuedAt = at;
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
            followUps.clear();
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
        screen.timings(Performance.now() - firstQueued, taskMillis, renderMillis);
    }
}
