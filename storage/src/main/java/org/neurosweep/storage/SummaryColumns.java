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
 */
final class SummaryColumns implements AutoCloseable {
    private final ValueWriter values;
    private final int deflate;
    private final Map<Branch, Map<String, Column>> columns = new EnumMap<>(Branch.class);

    SummaryColumns(ValueWriter values, int deflate) {
        this.values = values;
        this.deflate = deflate;
    }

    /** Extends every open column to {@code runs} entries. */
    void grow(long runs) throws HDF5Exception {
        for (Map<String, Column> byName : columns.values()) {
            for (Column c : byName.values()) {
                c.grow(runs);
            }
        }
    }

    /** The column of a value, opened (grown to {@code runs}) or created as {@code runs} fill values. */
    Column column(RunValue v, long runs) throws HDF5Exception {
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
            c.grow(runs);
        } else {
            c = Column.create(group, v.path(), v.type(), 0, runs, deflate);
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

        void add(long index, Object value) {
            indices[size] = index;
            ColumnArrays.set(values, size++, value);
        }
    }

    /** Writes the summary values of a batch of records sorted by index. */
    void write(List<RunRecord> sorted, long runs) throws HDF5Exception {
        Map<Column, ColumnBatch> batches = new LinkedHashMap<>();
        for (RunRecord r : sorted) {
            for (RunValue v : r.values()) {
                if (v.summary()) {
                    Column c = column(v, runs);
                    ColumnBatch b = batches.get(c);
                    if (b == null) {
                        b = new ColumnBatch(c, sorted.size());
                        batches.put(c, b);
                    }
                    b.add(r.index(), v.value());
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
