package org.neurosweep.storage;

import java.util.Map;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.Runs;

/**
 * The run table as stored: one array per column, indexed by run.
 *
 * @param status   status codes ({@link RunStatus#ordinal()})
 * @param start    start times, ms since the epoch (0 if never run)
 * @param duration durations in seconds (NaN if never run)
 * @param worker   worker ids ("" if never run)
 * @param errors   the latest error text of each run that failed at least once
 */
public record StoredRuns(byte[] status, long[] start, double[] duration, String[] worker, Map<Long, String> errors) {
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
        return status(run) == RunStatus.FAILED ? errors.getOrDefault((long) run, "") : "";
    }

    /** How many runs have each status, indexed by {@link RunStatus#ordinal()}. */
    public long[] countByStatus() {
        long[] counts = new long[RunStatus.values().length];
        for (byte s : status) {
            counts[s]++;
        }
        return counts;
    }
}
