package org.neurosweep.storage;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.Runs;

/**
 * The run table as stored: one array per column, indexed by run. The status codes are read with the
 * table; start, duration, worker and the error texts when first asked for (at 10,000,000 runs the report
 * needs them, a table of results does not). Asked for after the reader closed, they are read from the
 * file as it is then (see {@link TrajectoryReader#close}).
 */
public final class StoredRuns {
    private final byte[] status;
    private final Lazy<long[]> start;
    private final Lazy<double[]> duration;
    private final Lazy<String[]> worker;
    private final Lazy<Map<Long, String>> errors;

    /**
     * @param status   status codes ({@link RunStatus#ordinal()})
     * @param start    start times, ms since the epoch (0 if never run)
     * @param duration durations in seconds (NaN if never run)
     * @param worker   worker ids ("" if never run)
     * @param errors   the latest error text of each run that failed at least once
     */
    public StoredRuns(byte[] status, long[] start, double[] duration, String[] worker, Map<Long, String> errors) {
        this(status, () -> start, () -> duration, () -> worker, () -> errors);
    }

    StoredRuns(byte[] status, Supplier<long[]> start, Supplier<double[]> duration, Supplier<String[]> worker,
            Supplier<Map<Long, String>> errors) {
        this.status = status;
        this.start = new Lazy<>(start);
        this.duration = new Lazy<>(duration);
        this.worker = new Lazy<>(worker);
        this.errors = new Lazy<>(errors);
    }

    /** Status codes ({@link RunStatus#ordinal()}). */
    public byte[] status() {
        return status;
    }

    /** Start times, ms since the epoch (0 if never run). */
    public long[] start() {
        return start.get();
    }

    /** Durations in seconds (NaN if never run). */
    public double[] duration() {
        return duration.get();
    }

    /** Worker ids ("" if never run). */
    public String[] worker() {
        return worker.get();
    }

    /** The latest error text of each run that failed at least once. */
    public Map<Long, String> errors() {
        return errors.get();
    }

    public int size() {
        return status.length;
    }

    public RunStatus status(int run) {
        return RunStatus.values()[status[run]];
    }

    public String name(int run) {
        return Runs.name(run);
    }

    /** The error text of a failed run, "" for a run that is not failed. */
    public String error(int run) {
        return status(run) == RunStatus.FAILED ? errors().getOrDefault((long) run, "") : "";
    }

    /** How many runs have each status, indexed by {@link RunStatus#ordinal()}. */
    public long[] countByStatus() {
        long[] counts = new long[RunStatus.values().length];
        for (byte s : status) {
            counts[s]++;
        }
        return counts;
    }

    /** Every column (reads those not read yet). */
    @Override
    public String toString() {
        return "StoredRuns(status=" + Arrays.toString(status) + " start=" + Arrays.toString(start()) + " duration="
                + Arrays.toString(duration()) + " worker=" + Arrays.toString(worker()) + " errors="
                + new java.util.TreeMap<>(errors()) + ")";
    }

    /** A value read at most once, when first asked for. */
    private static final class Lazy<T> {
        private Supplier<T> source;
        private T value;

        Lazy(Supplier<T> source) {
            this.source = source;
        }

        synchronized T get() {
            if (source != null) {
                value = source.get();
                source = null;
            }
            return value;
        }
    }
}
