package org.neurosweep.trajectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A {@link ResultSink} that keeps every run in memory: for tests and small sweeps. */
public final class InMemorySink implements ResultSink {
    private final Map<Long, RunRecord> records = new TreeMap<>();
    private Trajectory trajectory;
    private boolean closed;

    @Override
    public synchronized void begin(Trajectory t) {
        requireOpen();
        this.trajectory = t;
    }

    @Override
    public synchronized boolean isCompleted(long runIndex) {
        RunRecord r = records.get(runIndex);
        return r != null && r.status() == RunStatus.COMPLETED;
    }

    @Override
    public synchronized void accept(RunRecord record) {
        requireOpen();
        records.put(record.index(), record);
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    /** The trajectory given to {@link #begin}, or null. */
    public synchronized Trajectory trajectory() {
        return trajectory;
    }

    /** Every stored run in index order. */
    public synchronized List<RunRecord> records() {
        return new ArrayList<>(records.values());
    }

    /** The stored run with this index, or null. */
    public synchronized RunRecord record(long runIndex) {
        return records.get(runIndex);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this sink is closed");
        }
    }
}
