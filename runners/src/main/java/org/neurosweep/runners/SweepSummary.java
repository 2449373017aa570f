package org.neurosweep.runners;

/**
 * What a sweep did.
 *
 * @param runs         runs in the trajectory
 * @param skipped      runs already completed in the sink, not run again
 * @param completed    runs completed by this sweep
 * @param failed       runs that threw
 * @param elapsedNanos wall-clock time of the sweep
 */
public record SweepSummary(long runs, long skipped, long completed, long failed, long elapsedNanos) {
    /** Seconds of wall-clock time. */
    public double elapsedSeconds() {
        return elapsedNanos / 1e9;
    }

    @Override
    public String toString() {
        return String.format("%d runs: %d completed, %d failed, %d already done; %.3f s", runs, completed, failed,
                skipped, elapsedSeconds());
    }
}
