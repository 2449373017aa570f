package org.neurosweep.trajectory;

/**
 * Where finished runs go: the storage writer, or memory for tests and small sweeps. Runners call
 * {@link #begin} once before handing out runs, then {@link #accept} once per finished run, from one
 * thread at a time, then {@link #close}.
 */
public interface ResultSink extends AutoCloseable {
    /** Records the trajectory (tree and explored values); called again after the trajectory is expanded. */
    void begin(Trajectory trajectory);

    /** Whether a run is already stored as completed, so that a resumed sweep skips it. */
    boolean isCompleted(long runIndex);

    /** Stores a finished run (completed or failed). */
    void accept(RunRecord record);

    /** Finishes writing; the sink accepts nothing afterwards. */
    @Override
    void close();
}
