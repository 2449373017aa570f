package org.neurosweep.benchmarks;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;
import org.neurosweep.runners.Progress;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;

/**
 * What a runner handed to its sink during one sweep of the soak: which runs, completed or failed, and any
 * run handed over twice; the phase's running totals, which the soak's report reads from another thread.
 */
final class SoakTally implements Progress {
    private final BitSet completed = new BitSet();
    private final BitSet failed = new BitSet();
    private final AtomicLong stored;
    private final AtomicLong failures;
    private volatile int workers;
    private long duplicates;

    /** @param stored and {@code failures}: the phase's totals, counted on by this sweep */
    SoakTally(AtomicLong stored, AtomicLong failures) {
        this.stored = stored;
        this.failures = failures;
    }

    @Override
    public void finished(RunRecord record) {
        int i = Math.toIntExact(record.index());
        if (completed.get(i) || failed.get(i)) {
            duplicates++;
        }
        (record.status() == RunStatus.COMPLETED ? completed : failed).set(i);
        stored.incrementAndGet();
        if (record.status() != RunStatus.COMPLETED) {
            failures.incrementAndGet();
        }
    }

    @Override
    public void workers(int live) {
        workers = live;
    }

    /** Live workers, as the runner last said. */
    int workers() {
        return workers;
    }

    /** Read these once the sweep has returned (they are the sweep thread's). */
    BitSet completed() {
        return completed;
    }

    BitSet failed() {
        return failed;
    }

    long duplicates() {
        return duplicates;
    }
}
