package org.neurosweep.runners;

import java.time.Duration;

/** Stopping a sweep: first stop handing out runs; past the grace period, or when asked, abandon in-flight runs. */
final class StopControl {
    private final long graceNanos;
    private volatile boolean stopping;
    private volatile boolean aborted;
    private volatile long deadline;

    StopControl(Duration grace) {
        this.graceNanos = grace.toNanos();
    }

    void stop() {
        if (!stopping) {
            deadline = System.nanoTime() + graceNanos;
            stopping = true;
        }
    }

    void abort() {
        stopping = true;
        aborted = true;
    }

    boolean stopping() {
        return stopping;
    }

    /** Whether in-flight runs are to be abandoned now. */
    boolean aborting() {
        return aborted || (stopping && System.nanoTime() - deadline > 0);
    }
}
