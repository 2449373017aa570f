package org.neurosweep.runners;

import org.neurosweep.trajectory.ResultSink;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.Trajectory;

/**
 * One sweep in progress: which runs of its range are left (handed out in index order, skipping those the
 * sink already holds as completed), and the hand-over of finished runs to the sink, from the caller's
 * thread only.
 */
final class SweepState {
    final Trajectory trajectory;
    final RunFunction function;
    final StopControl stop;
    private final ResultSink sink;
    private final Progress progress;
    private final long runs;
    private long next;
    long completed;
    long failed;

    /** A sweep over the runs {@code [first, last)} of the trajectory (a shard), or over all of them. */
    SweepState(Trajectory trajectory, RunFunction function, ResultSink sink, Progress progress, StopControl stop,
            long first, long last) {
        this.trajectory = trajectory;
        this.function = function;
        this.sink = sink;
        this.progress = progress;
        this.stop = stop;
        this.next = first;
        this.runs = last;
    }

    SweepState(Trajectory trajectory, RunFunction function, ResultSink sink, Progress progress, StopControl stop) {
        this(trajectory, function, sink, progress, stop, 0, trajectory.runCount());
    }

    /** The next run to hand out, or -1 when there is none left or the sweep is stopping. */
    synchronized long next() {
        while (next < runs && !stop.stopping()) {
            long i = next++;
            if (!sink.isCompleted(i)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether runs are left to hand out (and the sweep is not stopping). */
    synchronized boolean hasNext() {
        while (next < runs && !stop.stopping()) {
            if (!sink.isCompleted(next)) {
                return true;
            }
            next++;
        }
        return false;
    }

    /** Hands a finished run to the sink; call from the caller's thread only. */
    void deliver(RunRecord r) {
        sink.accept(r);
        if (r.status() == RunStatus.COMPLETED) {
            completed++;
        } else {
            failed++;
        }
        progress.finished(r);
    }
}
