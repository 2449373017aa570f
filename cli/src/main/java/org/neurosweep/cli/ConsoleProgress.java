package org.neurosweep.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.neurosweep.runners.Progress;
import org.neurosweep.runners.SweepSummary;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;

/**
 * Progress on standard error: a live bar (runs done/total, failures, workers, runs/s and ETA) on a
 * terminal; otherwise a plain line every few seconds, which logs read well, with each worker's
 * throughput. A worker is what precedes '/' in a run's worker label: a thread, a worker JVM, or a cluster
 * node (host:port).
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
    private final Map<String, Throughput> perWorker = new TreeMap<>();

    /** Runs finished by one worker, and the span of wall-clock time they cover. */
    private static final class Throughput {
        long runs;
        long firstStartMillis = Long.MAX_VALUE;
        long lastEndMillis;

        double perSecond() {
            return runs / Math.max(1e-3, (lastEndMillis - firstStartMillis) / 1e3);
        }
    }

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
        String worker = record.worker() == null ? "?" : record.worker();
        Throughput t = perWorker.computeIfAbsent(worker.contains("/") ? worker.substring(0, worker.indexOf('/')) : worker,
                k -> new Throughput());
        t.runs++;
        t.firstStartMillis = Math.min(t.firstStartMillis, record.startMillis());
        t.lastEndMillis = Math.max(t.lastEndMillis, record.startMillis() + record.durationNanos() / 1_000_000);
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(" " + failed + " failed, " + workers + " worker" + (workers == 1 ? "" : "s"));
        } else if (System.nanoTime() - lastLine > LINE_EVERY_NANOS) {
            lastLine = System.nanoTime();
            double seconds = (lastLine - startNanos) / 1e9;
            double rate = done / seconds;
            err.printf("%s: %d/%d runs (%.1f%%), %d failed, %d workers, %.0f runs/s, ETA %.0f s%s%n", name, done, total,
                    100.0 * done / Math.max(1, total), failed, workers, rate, (total - done) / Math.max(rate, 1e-9), perWorker());
        }
    }

    /** "; per worker: A 210 runs, 20.5 runs/s, ..." when more than one worker finished runs. */
    private String perWorker() {
        if (perWorker.size() < 2) {
            return "";
        }
        StringBuilder b = new StringBuilder("; per worker:");
        String sep = " ";
        for (Map.Entry<String, Throughput> e : perWorker.entrySet()) {
            b.append(sep).append(String.format("%s %d runs, %.1f runs/s", e.getKey(), e.getValue().runs, e.getValue().perSecond()));
            sep = "; ";
        }
        return b.toString();
    }

    @Override
    public void note(String text) {
        err.println((bar != null ? "\r" : "") + name + ": " + text);
        err.flush();
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
        String workerLine = perWorker();
        if (!workerLine.isEmpty()) {
            err.println(name + ":" + workerLine.substring(1));
        }
    }
}
