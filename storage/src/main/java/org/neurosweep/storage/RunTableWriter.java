package org.neurosweep.storage;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.exceptions.HDF5Exception;
import java.util.List;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.Runs;
import org.neurosweep.trajectory.ValueType;

/**
 * The run table {@code overview/runs} (one column each: idx, name, status, start, duration, worker) and
 * the failures table {@code overview/failures} (idx, error), which holds one row per failed attempt so
 * that the run table stays fixed-width and fast to read at a million runs.
 */
final class RunTableWriter implements AutoCloseable {
    private final long runsGroup;
    private final long failuresGroup;
    private final Column idx;
    private final Column name;
    private final Column status;
    private final Column start;
    private final Column duration;
    private final Column worker;
    private final Column failedIdx;
    private final Column failedError;

    private RunTableWriter(long runsGroup, long failuresGroup, Column[] c) {
        this.runsGroup = runsGroup;
        this.failuresGroup = failuresGroup;
        idx = c[0];
        name = c[1];
        status = c[2];
        start = c[3];
        duration = c[4];
        worker = c[5];
        failedIdx = c[6];
        failedError = c[7];
    }

    /** Creates or opens the tables in the {@code overview} group. */
    static RunTableWriter openOrCreate(long overview, int deflate) throws HDF5Exception {
        boolean exists = H5.H5Lexists(overview, Layout.RUNS, hdf.hdf5lib.HDF5Constants.H5P_DEFAULT);
        long runs = Hdf5.createOrOpenGroup(overview, Layout.RUNS);
        long failures = Hdf5.createOrOpenGroup(overview, Layout.FAILURES);
        Column[] c = new Column[8];
        if (exists) {
            c[0] = Column.open(runs, Layout.COL_IDX, ValueType.LONG, 0);
            c[1] = Column.open(runs, Layout.COL_NAME, ValueType.STRING, Layout.NAME_BYTES);
            c[2] = Column.open(runs, Layout.COL_STATUS, ValueType.BOOLEAN, 0);
            c[3] = Column.open(runs, Layout.COL_START, ValueType.LONG, 0);
            c[4] = Column.open(runs, Layout.COL_DURATION, ValueType.DOUBLE, 0);
            c[5] = Column.open(runs, Layout.COL_WORKER, ValueType.STRING, Layout.WORKER_BYTES);
            c[6] = Column.open(failures, Layout.COL_IDX, ValueType.LONG, 0);
            c[7] = Column.open(failures, Layout.COL_ERROR, ValueType.STRING, 0);
        } else {
            c[0] = Column.create(runs, Layout.COL_IDX, ValueType.LONG, 0, 0, deflate);
            c[1] = Column.create(runs, Layout.COL_NAME, ValueType.STRING, Layout.NAME_BYTES, 0, deflate);
            c[2] = Column.create(runs, Layout.COL_STATUS, ValueType.BOOLEAN, 0, 0, deflate);
            StringBuilder labels = new StringBuilder();
            for (RunStatus s : RunStatus.values()) {
                labels.append(labels.length() == 0 ? "" : ",").append(s.label());
            }
            Hdf5.setStringAttribute(c[2].id(), Layout.ATTR_LABELS, labels.toString());
            c[3] = Column.create(runs, Layout.COL_START, ValueType.LONG, 0, 0, deflate);
            Hdf5.setStringAttribute(c[3].id(), "unit", "ms since 1970-01-01T00:00:00Z");
            c[4] = Column.create(runs, Layout.COL_DURATION, ValueType.DOUBLE, 0, 0, deflate);
            Hdf5.setStringAttribute(c[4].id(), "unit", "s");
            c[5] = Column.create(runs, Layout.COL_WORKER, ValueType.STRING, Layout.WORKER_BYTES, 0, deflate);
            c[6] = Column.create(failures, Layout.COL_IDX, ValueType.LONG, 0, 0, deflate);
            c[7] = Column.create(failures, Layout.COL_ERROR, ValueType.STRING, 0, 0, deflate);
        }
        return new RunTableWriter(runs, failures, c);
    }

    long length() {
        return idx.length();
    }

    /** Extends the table to {@code runs} rows (pending, with index and name). */
    void grow(long runs) throws HDF5Exception {
        long from = idx.length();
        if (runs <= from) {
            return;
        }
        for (Column c : new Column[] {idx, name, status, start, duration, worker}) {
            c.grow(runs);
        }
        final int block = 1 << 16;
        for (long first = from; first < runs; first += block) {
            int n = (int) Math.min(block, runs - first);
            long[] indices = new long[n];
            String[] names = new String[n];
            for (int i = 0; i < n; i++) {
                indices[i] = first + i;
                names[i] = Runs.name(first + i);
            }
            idx.write(first, indices, n);
            name.write(first, names, n);
        }
    }

    /** Writes start, duration and worker of the records (sorted by index), and appends their failures. */
    void writeTimes(List<RunRecord> sorted) throws HDF5Exception {
        int n = sorted.size();
        long[] indices = new long[n];
        long[] starts = new long[n];
        double[] durations = new double[n];
        String[] workers = new String[n];
        int failures = 0;
        for (int i = 0; i < n; i++) {
            RunRecord r = sorted.get(i);
            indices[i] = r.index();
            starts[i] = r.startMillis();
            durations[i] = r.durationNanos() / 1e9;
            workers[i] = r.worker();
            failures += r.status() == RunStatus.FAILED ? 1 : 0;
        }
        Contiguous.write(start, indices, starts, n);
        Contiguous.write(duration, indices, durations, n);
        Contiguous.write(worker, indices, workers, n);
        if (failures > 0) {
            long[] fIdx = new long[failures];
            String[] fText = new String[failures];
            int k = 0;
            for (RunRecord r : sorted) {
                if (r.status() == RunStatus.FAILED) {
                    fIdx[k] = r.index();
                    fText[k++] = r.error();
                }
            }
            long at = failedIdx.length();
            failedIdx.grow(at + failures);
            failedError.grow(at + failures);
            failedIdx.write(at, fIdx, failures);
            failedError.write(at, fText, failures);
        }
    }

    /** Writes the final status of the records (sorted by index). */
    void writeStatus(List<RunRecord> sorted) throws HDF5Exception {
        int n = sorted.size();
        long[] indices = new long[n];
        byte[] codes = new byte[n];
        for (int i = 0; i < n; i++) {
            indices[i] = sorted.get(i).index();
            codes[i] = (byte) sorted.get(i).status().ordinal();
        }
        Contiguous.write(status, indices, codes, n);
    }

    /** Marks runs first..last-1 pending (their results were lost and they must run again). */
    void markPending(long first, long last) throws HDF5Exception {
        int n = (int) (last - first);
        status.write(first, new byte[n], n);
    }

    /** The status codes of every run, as stored. */
    byte[] readStatus() throws HDF5Exception {
        return (byte[]) status.readAll();
    }

    @Override
    public void close() throws HDF5Exception {
        for (Column c : new Column[] {idx, name, status, start, duration, worker, failedIdx, failedError}) {
            c.close();
        }
        H5.H5Gclose(runsGroup);
        H5.H5Gclose(failuresGroup);
    }
}
