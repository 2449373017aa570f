package org.neurosweep.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Map;
import org.neurosweep.runners.SweepSummary;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.Parameter;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.Trajectory;

/** The soak's checks, each printed as a PASS or FAIL line; {@link #passed()} says whether all passed. */
final class SoakCheck {
    private boolean passed = true;

    boolean passed() {
        return passed;
    }

    /** Prints one verdict. */
    void that(boolean ok, String what) {
        System.out.println((ok ? "PASS " : "FAIL ") + what);
        passed &= ok;
    }

    /**
     * A stored sweep, read back from a fresh open of its file, against what the runner said it did
     * ({@code summary}) and what it handed to the sink ({@code tally}): every run marked completed holds
     * its own result, every run is stored at most once, the counts agree, and the sink left nothing behind.
     */
    void storedSweep(String label, Path file, SweepSummary summary, SoakTally tally) {
        long runs = summary.runs();
        that(tally.duplicates() == 0, label + ": no run handed to the sink twice (" + tally.duplicates() + " duplicates)");
        for (String leftover : new String[] {".live", ".lock"}) {
            Path p = file.resolveSibling(file.getFileName() + leftover);
            that(!Files.exists(p), label + ": no " + p.getFileName() + " left after the sink closed");
        }
        try (TrajectoryReader r = TrajectoryReader.open(file)) {
            that(r.runCount() == runs, label + ": the run table has " + r.runCount() + " rows for " + runs + " runs");
            BitSet completed = r.completedRuns();
            BitSet failed = r.runsWithStatus(RunStatus.FAILED);
            that(completed.cardinality() == summary.completed() && completed.equals(tally.completed()),
                    label + ": " + completed.cardinality() + " runs completed in the file, " + summary.completed()
                            + " by the runner's count, exactly those the runner stored as completed");
            that(failed.cardinality() == summary.failed() && failed.equals(tally.failed()),
                    label + ": " + failed.cardinality() + " runs failed in the file, " + summary.failed() + " by the runner's count");
            long pending = runs - completed.cardinality() - failed.cardinality();
            that(pending == summary.notDone(), label + ": " + pending + " runs not done in the file, " + summary.notDone()
                    + " by the runner's count" + (summary.stopped() ? " (stopped when its time was up)" : ""));
            if (!failed.isEmpty()) {
                failuresAreDeaths(label, r, failed);
            }
            if (!completed.isEmpty()) {
                results(label, r, completed);
            }
        }
    }

    /** A run stored as failed here can only be one whose worker was killed under it on every attempt. */
    private void failuresAreDeaths(String label, TrajectoryReader r, BitSet failed) {
        Map<Long, String> errors = r.errors(failed.stream().asLongStream().toArray());
        long other = errors.values().stream().filter(e -> !e.contains("died") && !e.contains("without a result")).count();
        that(other == 0 && errors.size() == failed.cardinality(), label + ": every failed run failed because its worker was killed"
                + " under it on each attempt (" + other + " other errors" + (errors.isEmpty() ? ", and no error text" : "; e.g. "
                + errors.values().iterator().next()) + ")");
    }

    /** Every completed run holds z = f(x, y) of its own parameters; every other run holds the fill value. */
    private void results(String label, TrajectoryReader r, BitSet completed) {
        long[] z = (long[]) r.summaryColumn("z");
        Trajectory t = r.trajectory();
        Parameter x = t.parameter("x");
        Parameter y = t.parameter("y");
        long wrong = 0;
        long stray = 0;
        for (int i = 0; i < z.length; i++) {
            if (completed.get(i)) {
                wrong += z[i] == SoakBenchmark.signature(((Number) x.valueInRun(i)).longValue(),
                        ((Number) y.valueInRun(i)).longValue()) ? 0 : 1;
            } else {
                stray += z[i] == 0 ? 0 : 1;
            }
        }
        that(z.length == r.runCount() && wrong == 0 && stray == 0, label + ": results/summary/z has " + z.length
                + " entries; every completed run holds its own z = f(x, y) (" + wrong + " wrong), every other run the fill value 0 ("
                + stray + " not)");
    }

    /** The coordinator's gauges stayed within the bounds from {@code base} to {@code end}. */
    void flat(String label, SoakGauges.Sample base, SoakGauges.Sample end, SoakGauges.Bounds b) {
        double rssBound = base.rssMib() * b.rssFactor() + b.rssMib();
        that(end.rssMib() <= rssBound, String.format("%s: RSS flat: %.0f -> %.0f MiB (bound %.0f = %.2fx + %.0f MiB)", label,
                base.rssMib(), end.rssMib(), rssBound, b.rssFactor(), b.rssMib()));
        that(end.heapMib() <= base.heapMib() + b.heapMib(), String.format("%s: heap after GC flat: %.1f -> %.1f MiB (bound +%.0f)",
                label, base.heapMib(), end.heapMib(), b.heapMib()));
        that(end.fds() <= base.fds() + b.fds(), label + ": open fds flat: " + base.fds() + " -> " + end.fds() + " (bound +" + b.fds() + ")");
        that(end.threads() <= base.threads() + b.threads(), label + ": threads flat: " + base.threads() + " -> " + end.threads()
                + " (bound +" + b.threads() + ")");
    }
}
