package org.neurosweep.runners;

/**
 * What a sweep did, as {@link Environment#run} returns it. A sweep goes on when runs fail, so a program
 * checks {@link #failed()}; the sink holds each failed run's error (for a stored sweep,
 * {@code org.neurosweep.postprocess.FailedRuns} lists them with their parameters).
 *
 * <pre>{@code
 * SweepSummary summary = env.run(fn);
 * if (summary.failed() > 0) {
 *     System.err.println(summary);   // 16 runs: 14 completed, 2 failed, 0 already done; 0.042 s
 *     System.exit(1);
 * }
 * }</pre>
 *
 * @param runs         runs in the trajectory
 * @param skipped      runs already completed in the sink, not run again
 * @param completed    runs completed by this sweep
 * @param failed       runs that failed in this sweep (threw, or, in processes mode, their worker died on every
 *                     retry); stored as failed with their error
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
