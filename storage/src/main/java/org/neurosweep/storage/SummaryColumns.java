package org.neurosweep.storage;

import static hdf.hdf5lib.HDF5Constants.H5P_DEFAULT;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.exceptions.HDF5Exception;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurosweep.trajectory.Branch;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunValue;
import org.neurosweep.trajectory.ValueType;

/**
 * The summary columns ({@code results/summary/<name>}, {@code derived_parameters/summary/<name>}): one
 * column per scalar value name, one entry per run, opened or created when a run first reports the name;
 * a batch's entries are written as few hyperslabs as possible.
 *
 * <p>Fill values: jHDF reads a chunk never written as zeros, h5py as the fill value (NaN for doubles).
 * So a commit writes every double column at each of its runs (NaN where a run has no such value), and a
 * double column created after runs were committed is filled in full: a chunk never written then holds
 * only runs never stored, which {@code TrajectoryReader} reads as NaN. String columns are always filled.
 */
final class SummaryColumns implements AutoCloseable {
    private final ValueWriter values;
    private final int deflate;
    private final Map<Branch, Map<String, Column>> columns = new EnumMap<>(Branch.class);

    SummaryColumns(ValueWriter values, int deflate) {
        this.values = values;
        this.deflate = deflate;
    }

    /** Opens every double column the file holds, so that each commit writes them all (see above). */
    void openDoubleColumns(long runs) throws HDF5Exception {
        for (Branch b : new Branch[] {Branch.RESULTS, Branch.DERIVED_PARAMETERS}) {
            String path = b.groupName() + "/" + Layout.SUMMARY;
            if (!values.exists(path)) {
                continue;
            }
            long group = values.group(path);
            if (!H5.H5Aexists(group, Layout.ATTR_ORDER)) {
                continue;
            }
            for (String name : Hdf5.readStringAttribute(group, Layout.ATTR_ORDER).split(",")) {
                if (name.isEmpty() || !H5.H5Lexists(group, name, H5P_DEFAULT)
                        || columns.getOrDefault(b, Map.of()).containsKey(name)) {
                    continue;
                }
                long ds = H5.H5Dopen(group, name, H5P_DEFAULT);
                ValueType type;
                try {
                    type = ValueType.fromLabel(Hdf5.readStringAttribute(ds, Layout.ATTR_TYPE));
                } finally {
                    H5.H5Dclose(ds);
                }
                if (type == ValueType.DOUBLE) {
                    Column c = Column.open(group, name, type, 0);
                    columns.computeIfAbsent(b, x -> new HashMap<>()).put(name, c);
                    extend(c, runs);
                }
            }
        }
    }

    /** Extends every open column to {@code runs} entries (new runs are pending: only string columns are filled). */
    void grow(long runs) throws HDF5Exception {
        for (Map<String, Column> byName : columns.values()) {
            for (Column c : byName.values()) {
                extend(c, runs);
            }
        }
    }

    private static void extend(Column c, long runs) throws HDF5Exception {
        if (c.type() == ValueType.STRING) {
            c.grow(runs);
        } else {
            c.extend(runs);
        }
    }

    /**
     * The column of a value, opened (grown to {@code runs}) or created with {@code runs} entries, filled
     * if it is a string column or if {@code committedBefore} (runs were stored before it existed).
     */
    Column column(RunValue v, long runs, boolean committedBefore) throws HDF5Exception {
        Map<String, Column> byName = columns.computeIfAbsent(v.branch(), b -> new HashMap<>());
        Column c = byName.get(v.path());
        if (c != null) {
            return c;
        }
        long group = values.group(v.branch().groupName() + "/" + Layout.SUMMARY);
        if (H5.H5Lexists(group, v.path(), H5P_DEFAULT)) {
            long ds = H5.H5Dopen(group, v.path(), H5P_DEFAULT);
            ValueType type;
            try {
                type = ValueType.fromLabel(Hdf5.readStringAttribute(ds, Layout.ATTR_TYPE));
            } finally {
                H5.H5Dclose(ds);
            }
            c = Column.open(group, v.path(), type, 0);
            extend(c, runs);
        } else {
            c = Column.create(group, v.path(), v.type(), 0, 0, deflate);
            if (committedBefore) {
                c.grow(runs);
            } else {
                extend(c, runs);
            }
            Hdf5.setStringAttribute(c.id(), Layout.ATTR_TYPE, v.type().label());
            String order = H5.H5Aexists(group, Layout.ATTR_ORDER) ? Hdf5.readStringAttribute(group, Layout.ATTR_ORDER) : "";
            Hdf5.setStringAttribute(group, Layout.ATTR_ORDER, order.isEmpty() ? v.path() : order + "," + v.path());
            if (!v.comment().isEmpty()) {
                Hdf5.setStringAttribute(c.id(), Layout.ATTR_COMMENT, v.comment());
            }
            if (!v.unit().isEmpty()) {
                Hdf5.setStringAttribute(c.id(), Layout.ATTR_UNIT, v.unit());
            }
        }
        byName.put(v.path(), c);
        return c;
    }

    /** The entries of one summary column in a batch: run indices (ascending) and values. */
    private static final class ColumnBatch {
        final Column column;
        final long[] indices;
        final Object values;
        int size;

        ColumnBatch(Column column, int capacity) {
            this.column = column;
            this.indices = new long[capacity];
            this.values = ColumnArrays.allocate(column.type(), capacity);
        }

        /** A double column's batch holding every run of the batch, NaN where a run has no value. */
        ColumnBatch(Column column, List<RunRecord> sorted) {
            this.column = column;
            int n = sorted.size();
            this.indices = new long[n];
            double[] d = new double[n];
            java.util.Arrays.fill(d, Double.NaN);
            this.values = d;
            for (int i = 0; i < n; i++) {
                indices[i] = sorted.get(i).index();
            }
            this.size = n;
        }

        void set(int position, double value) {
            ((double[]) values)[position] = value;
        }

        void add(long index, Object value) {
            indices[size] = index;
            ColumnArrays.set(values, size++, value);
        }
    }

    /**
     * Writes the summary values of a batch of records sorted by index, and NaN in every double column at
     * each run of the batch that has no value there. Every value's column exists ({@link #column} was called).
     */
    void write(List<RunRecord> sorted) throws HDF5Exception {
        Map<Column, ColumnBatch> batches = new LinkedHashMap<>();
        for (Map<String, Column> byName : columns.values()) {
            for (Column c : byName.values()) {
                if (c.type() == ValueType.DOUBLE) {
                    batches.put(c, new ColumnBatch(c, sorted));
                }
            }
        }
        for (int i = 0; i < sorted.size(); i++) {
            RunRecord r = sorted.get(i);
            for (RunValue v : r.values()) {
                if (v.summary()) {
                    Column c = columns.get(v.branch()).get(v.path());
                    ColumnBatch b = batches.get(c);
                    if (b == null) {
                        b = new ColumnBatch(c, sorted.size());
                        batches.put(c, b);
                    }
                    if (c.type() == ValueType.DOUBLE) {
                        b.set(i, (Double) v.value());
                    } else {
                        b.add(r.index(), v.value());
                    }
                }
            }
        }
        for (ColumnBatch b : batches.values()) {
            Contiguous.write(b.column, b.indices, b.values, b.size);
        }
    }

    @Override
    public void close() throws HDF5Exception {
        for (Map<String, Column> byName : columns.values()) {
            for (Column c : byName.values()) {
                c.close();
            }
        }
    }
}
