package org.neurosweep.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.neurosweep.runners.Progress;
import org.neurosweep.runners.SweepSummary;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;

/**
 * Progress on standard error: a live bar (runs done/total, failures, workers, runs/s and ETA) on a
 * terminal; otherwise a plain line every few seconds, which logs read well.
 */
final class ConsoleProgress implements Progress {
    private static final long LINE_EVERY_NANOS = 5_000_000_000L;

    private final String name;
    private final PrintStream err;
    private final boolean terminal;
    private ProgressBar bar;
    private long total;
    private long done;
    private long failed;
    private int workers;
    private long startNanos;
    private long lastLine;

    ConsoleProgress(String name, PrintStream err, boolean terminal) {
        this.name = name;
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void started(long total, long alreadyDone, int workers) {
        this.total = total - alreadyDone;
        this.workers = workers;
        startNanos = System.nanoTime();
        lastLine = startNanos;
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(this.total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250).showSpeed().setUnit(" runs", 1).continuousUpdate().build();
        }
    }

    @Override
    public void finished(RunRecord record) {
        done++;
        failed += record.status() == RunStatus.FAILED ? 1 : 0;
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(" " + failed + " failed, " + workers + " worker" + (workers == 1 ? "" : "s"));
        } else if (System.nanoTime() - lastLine > LINE_EVERY_NANOS) {
            lastLine = System.nanoTime();
            double seconds = (lastLine - startNanos) / 1e9;
            double rate = done / seconds;
            err.printf("%s: %d/%d runs (%.1f%%), %d failed, %d workers, %.0f runs/s, ETA %.0f s%n", name, done, total,
                    100.0 * done / Math.max(1, total), failed, workers, rate, (total - done) / Math.max(rate, 1e-9));
        }
    }

    @Override
    public void workers(int live) {
        workers = live;
    }

    @Override
    public void ended(SweepSummary summary) {
        if (bar != null) {
            bar.close();
        }
    }
}
