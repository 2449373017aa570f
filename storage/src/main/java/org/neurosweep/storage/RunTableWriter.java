package org.neurosweep.storage;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;
import hdf.hdf5lib.exceptions.HDF5Exception;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.Runs;
import org.neurosweep.trajectory.ValueType;

/**
 * The run table {@code overview/runs} and the failures table {@code overview/failures} (idx, error), which
 * holds one row per failed attempt so that the run table stays fixed-width and fast to read.
 *
 * <p>Format version 2 (new files): idx int64, status int8, start int64 ms, duration float32 s, worker
 * int16, a code into the worker names {@code overview/workers} (code 0 is "", never run). Only idx is
 * written when the table grows: the other columns' fill value (0, NaN) is what a run not stored yet
 * holds, and every commit writes all of them at each of its runs, so a chunk never written holds only
 * runs never stored (jHDF reads it as zeros; {@code TrajectoryReader} knows). Format version 1 (files
 * written before, still resumed in their own layout): also a name column (string16), duration float64
 * and worker string32, every new range filled.
 */
final class RunTableWriter implements AutoCloseable {
    /** Worker codes are int16: codes 0..MAX_WORKER_CODE - 1 name one worker each, the last is shared by any later. */
    static final int MAX_WORKER_CODE = Short.MAX_VALUE;
    static final String OTHER_WORKERS = "(workers past the " + (MAX_WORKER_CODE - 1) + "th)";

    private final long runsGroup;
    private final long failuresGroup;
    private final boolean v1;
    private final Column idx;
    private final Column name; // v1 only
    private final Column status;
    private final Column start;
    private final Column duration;
    private final Column worker;
    private final Column workerNames; // v2 only
    private final Column failedIdx;
    private final Column failedError;
    private final Map<String, Integer> workerCodes = new HashMap<>();

    private RunTableWriter(long runsGroup, long failuresGroup, boolean v1, Column[] c) throws HDF5Exception {
        this.runsGroup = runsGroup;
        this.failuresGroup = failuresGroup;
        this.v1 = v1;
        idx = c[0];
        name = c[1];
        status = c[2];
        start = c[3];
        duration = c[4];
        worker = c[5];
        workerNames = c[6];
        failedIdx = c[7];
        failedError = c[8];
        if (workerNames != null) {
            String[] names = (String[]) workerNames.readAll();
            for (int i = 0; i < names.length; i++) {
                workerCodes.putIfAbsent(names[i], i);
            }
        }
    }

    /** Creates (format version 2) or opens (either version) the tables in the {@code overview} group. */
    static RunTableWriter openOrCreate(long overview, int deflate) throws HDF5Exception {
        boolean exists = H5.H5Lexists(overview, Layout.RUNS, HDF5Constants.H5P_DEFAULT);
        long runs = Hdf5.createOrOpenGroup(overview, Layout.RUNS);
        long failures = Hdf5.createOrOpenGroup(overview, Layout.FAILURES);
        Column[] c = new Column[9];
        boolean v1 = exists && H5.H5Lexists(runs, Layout.COL_NAME, HDF5Constants.H5P_DEFAULT);
        if (exists) {
            c[0] = Column.open(runs, Layout.COL_IDX, ValueType.LONG, 0);
            c[2] = Column.open(runs, Layout.COL_STATUS, ValueType.BOOLEAN, 0);
            c[3] = Column.open(runs, Layout.COL_START, ValueType.LONG, 0);
            c[4] = Column.open(runs, Layout.COL_DURATION, ValueType.DOUBLE, 0);
            if (v1) {
                c[1] = Column.open(runs, Layout.COL_NAME, ValueType.STRING, Layout.NAME_BYTES);
                c[5] = Column.open(runs, Layout.COL_WORKER, ValueType.STRING, Layout.WORKER_BYTES);
            } else {
                c[5] = Column.open(runs, Layout.COL_WORKER, ValueType.INT, 0);
                c[6] = Column.open(overview, Layout.WORKERS, ValueType.STRING, 0);
            }
            c[7] = Column.open(failures, Layout.COL_IDX, ValueType.LONG, 0);
            c[8] = Column.open(failures, Layout.COL_ERROR, ValueType.STRING, 0);
        } else {
            c[0] = Column.create(runs, Layout.COL_IDX, ValueType.LONG, 0, 0, deflate);
            c[2] = Column.create(runs, Layout.COL_STATUS, ValueType.BOOLEAN, 0, 0, deflate);
            StringBuilder labels = new StringBuilder();
            for (RunStatus s : RunStatus.values()) {
                labels.append(labels.length() == 0 ? "" : ",").append(s.label());
            }
            Hdf5.setStringAttribute(c[2].id(), Layout.ATTR_LABELS, labels.toString());
            c[3] = Column.create(runs, Layout.COL_START, ValueType.LONG, 0, 0, deflate);
            Hdf5.setStringAttribute(c[3].id(), Layout.ATTR_UNIT, "ms since 1970-01-01T00:00:00Z");
            c[4] = Column.createNarrow(runs, Layout.COL_DURATION, ValueType.DOUBLE, HDF5Constants.H5T_IEEE_F32LE, deflate);
            Hdf5.setStringAttribute(c[4].id(), Layout.ATTR_UNIT, "s");
            c[5] = Column.createNarrow(runs, Layout.COL_WORKER, ValueType.INT, HDF5Constants.H5T_STD_I16LE, deflate);
            Hdf5.setStringAttribute(c[5].id(), Layout.ATTR_COMMENT, "code into " + Layout.OVERVIEW + "/" + Layout.WORKERS
                    + " (0: never run)");
            c[6] = Column.create(overview, Layout.WORKERS, ValueType.STRING, 0, 0, deflate);
            c[6].grow(1); // code 0: ""
            c[7] = Column.create(failures, Layout.COL_IDX, ValueType.LONG, 0, 0, deflate);
            c[8] = Column.create(failures, Layout.COL_ERROR, ValueType.STRING, 0, 0, deflate);
        }
        return new RunTableWriter(runs, failures, v1, c);
    }

    long length() {
        return idx.length();
    }

    /** Extends the table to {@code runs} rows, pending, with their index (and, in version 1, name). */
    void grow(long runs) throws HDF5Exception {
        long from = idx.length();
        if (runs <= from) {
            return;
        }
        if (v1) {
            for (Column c : new Column[] {name, status, start, duration, worker}) {
                c.grow(runs);
            }
        } else {
            for (Column c : new Column[] {status, start, duration, worker}) {
                c.extend(runs);
            }
        }
        idx.extend(runs);
        final int block = 1 << 16;
        for (long first = from; first < runs; first += block) {
            int n = (int) Math.min(block, runs - first);
            long[] indices = new long[n];
            for (int i = 0; i < n; i++) {
                indices[i] = first + i;
            }
            idx.write(first, indices, n);
            if (v1) {
                String[] names = new String[n];
                for (int i = 0; i < n; i++) {
                    names[i] = Runs.name(first + i);
                }
                name.write(first, names, n);
            }
        }
    }

    /** Writes start, duration and worker of the records (sorted by index), and appends their failures. */
    void writeTimes(List<RunRecord> sorted) throws HDF5Exception {
        int n = sorted.size();
        long[] indices = new long[n];
        long[] starts = new long[n];
        double[] durations = new double[n];
        Object workers = v1 ? new String[n] : new int[n];
        int failures = 0;
        List<String> newNames = null;
        String lastWorker = null;
        int lastCode = 0;
        for (int i = 0; i < n; i++) {
            RunRecord r = sorted.get(i);
            indices[i] = r.index();
            starts[i] = r.startMillis();
            durations[i] = r.durationNanos() / 1e9;
            if (workers instanceof String[] s) {
                s[i] = r.worker();
            } else {
                String w = r.worker() == null ? "" : r.worker();
                if (!w.equals(lastWorker)) {
                    Integer code = workerCodes.get(w);
                    if (code == null) {
                        if (newNames == null) {
                            newNames = new ArrayList<>();
                        }
                        int next = Math.toIntExact(workerNames.length() + newNames.size());
                        if (next >= MAX_WORKER_CODE) {
                            code = workerCodes.get(OTHER_WORKERS);
                            if (code == null) {
                                code = next;
                                newNames.add(OTHER_WORKERS);
                                workerCodes.put(OTHER_WORKERS, code);
                            }
                        } else {
                            code = next;
                            newNames.add(w);
                            workerCodes.put(w, code);
                        }
                    }
                    lastWorker = w;
                    lastCode = code;
                }
                ((int[]) workers)[i] = lastCode;
            }
            failures += r.status() == RunStatus.FAILED ? 1 : 0;
        }
        if (newNames != null) {
            long at = workerNames.length();
            workerNames.extend(at + newNames.size());
            workerNames.write(at, newNames.toArray(new String[0]), newNames.size());
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
            failedIdx.extend(at + failures);
            failedError.extend(at + failures);
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
        for (Column c : new Column[] {idx, name, status, start, duration, worker, workerNames, failedIdx, failedError}) {
            if (c != null) {
                c.close();
            }
        }
        H5.H5Gclose(runsGroup);
        H5.H5Gclose(failuresGroup);
    }
}
