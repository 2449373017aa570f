package org.neurosweep.storage;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neurosweep.trajectory.Branch;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.RunValue;
import org.neurosweep.trajectory.Runs;
import org.neurosweep.trajectory.ValueType;

/**
 * What {@link TrajectoryReader} reads of the runs: the run table's duration, worker and failure columns in full,
 * and one run's row and values. Split from the reader, which opens the file and holds what it read once.
 */
final class RunReads {
    private RunReads() {
    }

    /** The names of the summary columns of a branch (results or derived_parameters), in the order runs first added them. */
    static List<String> summaryNames(TrajectoryReader r, Branch branch) {
        return r.reading(() -> {
            Node g = r.summaryGroup(branch);
            if (g == null) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            try {
                TreeLoader.inInsertionOrder((Group) g).forEach(n -> names.add(n.getName()));
            } catch (HdfException e) {
                throw r.unreadable(e);
            }
            return names;
        });
    }

    static Object summaryColumn(TrajectoryReader r, Branch branch, String name) {
        return r.reading(() -> {
            Dataset d = r.summaryDataset(branch, name);
            Object column;
            try {
                column = JhdfValues.column(GlobalHeapCheck.data(d), ValueType.fromLabel(Nodes.stringAttribute(d, Layout.ATTR_TYPE)));
            } catch (HdfException e) {
                throw r.damagedColumn(d, e);
            }
            if (column instanceof double[] values) {
                // a run not completed holds the fill value, NaN; jHDF reads a chunk never written (runs never stored) as zeros
                byte[] codes = r.statusCodes();
                for (int i = 0; i < Math.min(values.length, codes.length); i++) {
                    if (codes[i] != RunStatus.COMPLETED.ordinal()) {
                        values[i] = Double.NaN;
                    }
                }
            }
            return column;
        });
    }

    /** Durations in seconds (float32 in version 2, float64 in version 1); NaN for runs never stored. */
    static double[] durations(TrajectoryReader r, byte[] codes) {
        return r.reading(() -> {
            Object data = r.runsData(r.runsColumn(Layout.COL_DURATION));
            int n = codes.length;
            double[] out = new double[n];
            if (data instanceof float[] f) {
                requireLength(r, f.length, n, Layout.COL_DURATION);
                for (int i = 0; i < n; i++) {
                    out[i] = f[i];
                }
            } else {
                double[] d = (double[]) data;
                requireLength(r, d.length, n, Layout.COL_DURATION);
                System.arraycopy(d, 0, out, 0, n);
            }
            for (int i = 0; i < n; i++) {
                if (codes[i] == RunStatus.PENDING.ordinal() || codes[i] == RunStatus.RUNNING.ordinal()) {
                    out[i] = Double.NaN; // jHDF reads a chunk never written as zeros
                }
            }
            return out;
        });
    }

    private static void requireLength(TrajectoryReader r, int length, int runs, String column) {
        if (length < runs) {
            throw new NotATrajectoryFileException(r.path(), "its run table is damaged: " + column + " has " + length
                    + " entries for " + runs + " runs", null);
        }
    }

    /** Each run's worker ("" if never run): version 2 stores int16 codes into overview/workers, version 1 the names. */
    static String[] workers(TrajectoryReader r) {
        return r.reading(() -> {
            Dataset column = r.runsColumn(Layout.COL_WORKER);
            Object data = GlobalHeapCheck.data(column);
            if (data instanceof String[] names) {
                return names;
            }
            String[] names = workerNames(r);
            short[] codes = (short[]) data;
            String[] out = new String[codes.length];
            for (int i = 0; i < codes.length; i++) {
                int c = codes[i];
                if (c < 0 || c >= names.length) {
                    throw new NotATrajectoryFileException(r.path(), "its run table is damaged: run " + i + " has worker code " + c
                            + " but " + Layout.OVERVIEW + "/" + Layout.WORKERS + " holds " + names.length + " names", null);
                }
                out[i] = names[c];
            }
            return out;
        });
    }

    static String[] workerNames(TrajectoryReader r) {
        Node n = Nodes.child(r.overview(), Layout.WORKERS);
        if (!(n instanceof Dataset d)) {
            throw new NotATrajectoryFileException(r.path(), "it lacks " + Layout.OVERVIEW + "/" + Layout.WORKERS
                    + ", the worker names its run table's codes refer to", null);
        }
        return (String[]) JhdfValues.column(GlobalHeapCheck.data(d), ValueType.STRING);
    }

    /** The latest error text of each run that failed. */
    static Map<Long, String> errors(TrajectoryReader r) {
        return r.reading(() -> {
            Map<Long, String> out = new HashMap<>();
            try {
                Group failures = (Group) Nodes.child(r.overview(), Layout.FAILURES);
                Dataset idxColumn = (Dataset) Nodes.child(failures, Layout.COL_IDX);
                if (!idxColumn.isEmpty()) {
                    long[] idx = (long[]) idxColumn.getData();
                    String[] text = (String[]) JhdfValues.column(GlobalHeapCheck.data((Dataset) Nodes.child(failures, Layout.COL_ERROR)),
                            ValueType.STRING);
                    for (int i = 0; i < idx.length; i++) {
                        out.put(idx[i], text[i]);
                    }
                }
            } catch (HdfException e) {
                throw r.unreadable(e);
            }
            return out;
        });
    }

    /** One stored run: its row of the run table and every value it produced (none if it is not completed). */
    static RunRecord run(TrajectoryReader r, long index) {
        return r.reading(() -> {
            long n = r.runCount();
            if (index < 0 || index >= n) {
                throw new StorageException("run " + index + " does not exist; " + r.path() + " holds runs 0.." + (n - 1));
            }
            byte code = ((byte[]) slice(r.runsColumn(Layout.COL_STATUS), index))[0];
            RunStatus status = RunStatus.values()[code];
            long start = ((long[]) slice(r.runsColumn(Layout.COL_START), index))[0];
            Object d = slice(r.runsColumn(Layout.COL_DURATION), index);
            double duration = status == RunStatus.PENDING || status == RunStatus.RUNNING ? Double.NaN
                    : d instanceof float[] f ? f[0] : ((double[]) d)[0];
            Object w = slice(r.runsColumn(Layout.COL_WORKER), index);
            String worker;
            if (w instanceof String[] names) {
                worker = names[0];
            } else {
                int workerCode = ((short[]) w)[0];
                String[] names = workerNames(r);
                if (workerCode < 0 || workerCode >= names.length) {
                    throw new NotATrajectoryFileException(r.path(), "its run table is damaged: run " + index + " has worker code "
                            + workerCode + " but " + Layout.OVERVIEW + "/" + Layout.WORKERS + " holds " + names.length + " names", null);
                }
                worker = names[workerCode];
            }
            String error = status == RunStatus.FAILED ? r.errors(new long[] {index}).getOrDefault(index, "") : "";
            List<RunValue> values = status == RunStatus.COMPLETED ? r.runValues(index) : List.of();
            long nanos = Double.isNaN(duration) ? 0 : d instanceof float[] ? Math.round((float) duration * 1e9) : Math.round(duration * 1e9);
            return new RunRecord(index, status, start, nanos, worker, error, values);
        });
    }

    /** Every value run {@code index} produced: its summary entries, then its per-run datasets. */
    static List<RunValue> runValues(TrajectoryReader r, long index) {
        return r.reading(() -> {
            List<RunValue> out = new ArrayList<>();
            for (Branch b : new Branch[] {Branch.RESULTS, Branch.DERIVED_PARAMETERS}) {
                for (String name : r.summaryNames(b)) {
                    Dataset d = r.summaryDataset(b, name);
                    ValueType type = ValueType.fromLabel(Nodes.stringAttribute(d, Layout.ATTR_TYPE));
                    Object value;
                    try {
                        value = JhdfValues.element(slice(d, index), 0, type);
                    } catch (HdfException e) {
                        throw r.damagedColumn(d, e);
                    }
                    out.add(new RunValue(b, name, type, value, Nodes.comment(d), true, Nodes.optionalString(d, Layout.ATTR_UNIT)));
                }
            }
            out.addAll(r.runGroupValues(index));
            return out;
        });
    }

    /** A summary column's entry for one run, without its value: its type, comment and unit (as the first run gave them). */
    static RunValue summaryTemplate(TrajectoryReader r, Branch b, String name) {
        return r.reading(() -> {
            Dataset d = r.summaryDataset(b, name);
            ValueType type = ValueType.fromLabel(Nodes.stringAttribute(d, Layout.ATTR_TYPE));
            return new RunValue(b, name, type, null, Nodes.comment(d), true, Nodes.optionalString(d, Layout.ATTR_UNIT));
        });
    }

    /** The values run {@code index} stored in its own groups ({@code results.runs.run_set_...}), not its summary entries. */
    static List<RunValue> runGroupValues(TrajectoryReader r, long index) {
        return r.reading(() -> {
            List<RunValue> out = new ArrayList<>();
            Node overview = r.overview();
            Attribute groups = overview.getAttribute(Layout.ATTR_RUN_GROUPS);
            if (groups != null) {
                for (String prefix : ((String) GlobalHeapCheck.data(groups)).split(",")) {
                    String runPath = prefix + "/" + Runs.setName(index) + "/" + Runs.name(index);
                    try {
                        Node runGroup = r.find(runPath);
                        if (runGroup instanceof Group g) {
                            Branch b = Branch.byGroupName(prefix.substring(0, prefix.indexOf('/')));
                            String dotted = runPath.substring(prefix.indexOf('/') + 1).replace('/', '.');
                            collect(b, dotted, g, out);
                        }
                    } catch (HdfException e) {
                        throw new NotATrajectoryFileException(r.path(), "the values of run " + index + " are damaged (a"
                                + " run_set bucket below " + prefix + "); 'neurosweep resume' repairs the file and runs that"
                                + " bucket again", e);
                    }
                }
            }
            return out;
        });
    }

    private static void collect(Branch b, String dotted, Group g, List<RunValue> out) {
        for (Node n : Nodes.children(g).values()) {
            String p = dotted + "." + n.getName();
            if (n instanceof Group sub) {
                collect(b, p, sub, out);
            } else {
                Dataset d = (Dataset) n;
                ValueType type = JhdfValues.typeOf(d);
                out.add(new RunValue(b, p, type, JhdfValues.value(d, type), Nodes.comment(d), false,
                        Nodes.optionalString(d, Layout.ATTR_UNIT)));
            }
        }
    }

    static Object slice(Dataset d, long index) {
        return GlobalHeapCheck.data(d, new long[] {index}, new int[] {1});
    }
}
