package org.neurosweep.cli;

import java.io.PrintStream;
import java.util.Locale;
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

    /** "12 runs/s", "2.5 runs/s", or "12.3 s/run" below one run a second, where "0 runs/s" would say nothing. */
    static String rate(double runsPerSecond) {
        if (runsPerSecond >= 10) {
            return String.format(Locale.ROOT, "%.0f runs/s", runsPerSecond);
        }
        if (runsPerSecond >= 1) {
            return String.format(Locale.ROOT, "%.1f runs/s", runsPerSecond);
        }
        return runsPerSecond > 0 ? String.format(Locale.ROOT, "%.1f s/run", 1 / runsPerSecond) : "no run finished yet";
    }

    private static String workerCount(int n) {
        return n + " worker" + (n == 1 ? "" : "s");
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
            // the rate goes in the extra message (see rate): the bar's own speed shows 0 for runs slower than 1 s
            bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(this.total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250).setUnit(" runs", 1).continuousUpdate().build();
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
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(" " + failed + " failed, " + workerCount(workers) + ", " + rate(done / Math.max(1e-9, seconds)));
        } else if (System.nanoTime() - lastLine > LINE_EVERY_NANOS) {
            lastLine = System.nanoTime();
            err.println(line(seconds));
        }
    }

    /** The line a log gets every few seconds, {@code seconds} after the start. */
    String line(double seconds) {
        double rate = done / Math.max(1e-9, seconds);
        return String.format(Locale.ROOT, "%s: %d/%d runs (%.1f%%), %d failed, %s, %s, ETA %.0f s%s", name, done, total,
                100.0 * done / Math.max(1, total), failed, workerCount(workers), rate(rate), (total - done) / Math.max(rate, 1e-9),
                perWorker());
    }

    /** "; per worker: A 210 runs, 20.5 runs/s, ..." when more than one worker finished runs. */
    private String perWorker() {
        if (perWorker.size() < 2) {
            return "";
        }
        StringBuilder b = new StringBuilder("; per worker:");
        String sep = " ";
        for (Map.Entry<String, Throughput> e : perWorker.entrySet()) {
            b.append(sep).append(e.getKey()).append(' ').append(e.getValue().runs).append(" runs, ").append(rate(e.getValue().perSecond()));
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
