package org.neurosweep.runners;

/**
 * What a sweep did.
 *
 * @param runs         runs in the trajectory
 * @param skipped      runs already completed in the sink, not run again
 * @param completed    runs completed by this sweep
 * @param failed       runs that threw
 * @param elapsedNanos wall-clock time of the sweep
 * @param stopped      whether the sweep was stopped (Ctrl-C) before every run was done
 */
public record SweepSummary(long runs, long skipped, long completed, long failed, long elapsedNanos, boolean stopped) {
    /** Runs neither completed before nor done by this sweep. */
    public long notDone() {
        return runs - skipped - completed - failed;
    }

    /** Seconds of wall-clock time. */
    public double elapsedSeconds() {
        return elapsedNanos / 1e9;
    }

    @Override
    public String toString() {
        return String.format("%d runs: %d completed, %d failed, %d already done%s; %.3f s", runs, completed, failed,
                skipped, stopped ? ", " + notDone() + " not run (stopped)" : "", elapsedSeconds());
    }
}
