package privrec.trainer.cli;

import java.io.PrintStream;
import java.io.PrintWriter;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import privrec.trainer.pipeline.Progress;

/**
 * Progress bars (me.tongfei progressbar) on stderr, so stdout stays clean for results and {@code --json}.
 * A fixed width avoids terminal probing (which is slow and noisy when stderr is not a terminal).
 */
public final class BarProgress implements Progress {
    private final PrintStream bars;
    private final PrintWriter messages;
    private ProgressBar bar;

    public BarProgress(PrintStream bars, PrintWriter messages) {
        this.bars = bars;
        this.messages = messages;
    }

    @Override
    public void stage(String name, int steps) {
        done();
        bar = new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(Math.max(1, steps))
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(bars, 100))
                .build();
    }

    /** A bar for a byte count (loading). */
    void bytes(String name, long total) {
        done();
        bar = new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(Math.max(1, total))
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" MB", 1 << 20)
                .setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(bars, 100))
                .build();
    }

    /** Advances by {@code delta} (the loaders report bytes read since their previous call). */
    void advanceBy(long delta) {
        if (bar != null) {
            bar.stepBy(delta);
        }
    }

    @Override
    public void step() {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void info(String message) {
        done();
        messages.println(message);
        messages.flush();
    }

    @Override
    public void done() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
