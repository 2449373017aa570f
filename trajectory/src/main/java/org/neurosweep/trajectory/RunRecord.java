package org.neurosweep.trajectory;

import java.util.List;

/**
 * A finished run as handed to a {@link ResultSink}: its row of the run table and the values it produced.
 *
 * @param index         the run's index
 * @param status        {@link RunStatus#COMPLETED} or {@link RunStatus#FAILED}
 * @param startMillis   when the run started, milliseconds since the epoch
 * @param durationNanos how long the run function took
 * @param worker        which worker ran it ({@code local}, {@code thread-1}, ...)
 * @param error         the exception text of a failed run, empty otherwise
 * @param values        the results and derived parameters, in the order they were added
 */
public record RunRecord(long index, RunStatus status, long startMillis, long durationNanos, String worker,
                        String error, List<RunValue> values) {

    public RunRecord {
        values = List.copyOf(values);
        error = error == null ? "" : error;
    }

    /** {@code run_%08d}. */
    public String name() {
        return Runs.name(index);
    }

    /** The value with this full path ({@code results.summary.z}, {@code results.runs.run_set_00000.run_00000001.s}) or null. */
    public RunValue find(String fullPath) {
        for (RunValue v : values) {
            if (v.fullPath().equals(fullPath)) {
                return v;
            }
        }
        return null;
    }

    /** The summary result with this column name, or null. */
    public Object summaryResult(String column) {
        for (RunValue v : values) {
            if (v.summary() && v.branch() == Branch.RESULTS && v.path().equals(column)) {
                return v.value();
            }
        }
        return null;
    }
}
