package org.neurosweep.runners;

import org.neurosweep.trajectory.RunRecord;

/** Hears how a sweep goes; every call comes from the thread that called {@link Environment#run}. */
public interface Progress {
    /** No output. */
    Progress NONE = new Progress() {
    };

    /** Before the first run: total runs, runs already completed, workers. */
    default void started(long total, long alreadyDone, int workers) {
    }

    /** A run finished (completed or failed) and was handed to the sink. */
    default void finished(RunRecord record) {
    }

    /** The number of live workers changed (a worker died, or was replaced). */
    default void workers(int live) {
    }

    /** Something a person watching should know (e.g. where a cluster coordinator waits for workers). */
    default void note(String text) {
    }

    /** The sweep ended. */
    default void ended(SweepSummary summary) {
    }
}
