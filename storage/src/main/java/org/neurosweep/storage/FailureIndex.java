package org.neurosweep.storage;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each run's latest error is in {@code overview/failures} (one row per failed attempt, in the order
 * they were stored), so that the error texts of a few runs can be read without reading them all.
 */
final class FailureIndex {
    /** Rows at most this far apart are read in one slice rather than two. */
    private static final int GAP = 32;

    private final Dataset text;
    /** The run of each row. */
    private final long[] runByRow;
    /** The runs that failed at least once, ascending, and the row of each one's latest attempt. */
    private final long[] runs;
    private final int[] latestRow;

    private FailureIndex(Dataset text, long[] runByRow, long[] runs, int[] latestRow) {
        this.text = text;
        this.runByRow = runByRow;
        this.runs = runs;
        this.latestRow = latestRow;
    }

    /** Reads the run column of {@code overview/failures} (eight bytes per failed attempt), not the texts. */
    static FailureIndex read(Group failures) {
        Dataset idxColumn = (Dataset) Nodes.child(failures, Layout.COL_IDX);
        long[] idx = idxColumn.isEmpty() ? new long[0] : (long[]) idxColumn.getData();
        // (run, row) packed in one long (both below 2^31) and sorted: a run's latest row comes last
        long[] keys = new long[idx.length];
        for (int row = 0; row < idx.length; row++) {
            keys[row] = idx[row] << 31 | row;
        }
        Arrays.sort(keys);
        long[] runs = new long[keys.length];
        int[] rows = new int[keys.length];
        int n = 0;
        for (int k = 0; k < keys.length; k++) {
            if (k + 1 == keys.length || keys[k + 1] >>> 31 != keys[k] >>> 31) {
                runs[n] = keys[k] >>> 31;
                rows[n++] = (int) (keys[k] & Integer.MAX_VALUE);
            }
        }
        return new FailureIndex((Dataset) Nodes.child(failures, Layout.COL_ERROR), idx, Arrays.copyOf(runs, n), Arrays.copyOf(rows, n));
    }

    /** The latest error text of each of these runs that failed at least once; reads those texts only. */
    Map<Long, String> errors(long[] wanted) {
        int[] rows = new int[wanted.length];
        int n = 0;
        for (long run : wanted) {
            int k = Arrays.binarySearch(runs, run);
            if (k >= 0) {
                rows[n++] = latestRow[k];
            }
        }
        rows = Arrays.stream(rows, 0, n).sorted().distinct().toArray();
        Map<Long, String> out = new HashMap<>();
        for (int first = 0; first < rows.length; ) {
            int last = first;
            while (last + 1 < rows.length && rows[last + 1] - rows[last] <= GAP) {
                last++;
            }
            String[] slice = (String[]) GlobalHeapCheck.data(text, new long[] {rows[first]}, new int[] {rows[last] - rows[first] + 1});
            for (int k = first; k <= last; k++) {
                out.put(runByRow[rows[k]], JhdfValues.text(slice[rows[k] - rows[first]]));
            }
            first = last + 1;
        }
        return out;
    }
}
