package privrec.trainer.pipeline;

import privrec.trainer.model.ModelTrainer;

/** Progress of long steps; the CLI shows bars, tests pass {@link #NONE}. */
public interface Progress extends ModelTrainer.Listener {
    /** A line of status text (stage results, timings). */
    void info(String message);

    /** Ends the current stage (closes its bar). */
    void done();

    Progress NONE = new Progress() {
        @Override
        public void stage(String name, int steps) {
        }

        @Override
        public void step() {
        }

        @Override
        public void info(String message) {
        }

        @Override
        public void done() {
        }
    };
}
