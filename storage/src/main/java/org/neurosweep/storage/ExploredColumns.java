package org.neurosweep.storage;

import static hdf.hdf5lib.HDF5Constants.H5P_DEFAULT;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.exceptions.HDF5Exception;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurosweep.trajectory.Branch;
import org.neurosweep.trajectory.Parameter;
import org.neurosweep.trajectory.Trajectory;

/** {@code overview/explored}: one column per explored parameter, in the order of the attribute {@code order}. */
final class ExploredColumns implements AutoCloseable {
    private final long group;
    private final int deflate;
    /** Column name (path below parameters) to its column, opened when first needed. */
    private final Map<String, Column> columns = new LinkedHashMap<>();

    private ExploredColumns(long group, int deflate) {
        this.group = group;
        this.deflate = deflate;
    }

    static ExploredColumns create(long overview, Trajectory t, int deflate) throws HDF5Exception {
        List<String> names = names(t);
        ExploredColumns e = new ExploredColumns(H5.H5Gcreate(overview, Layout.EXPLORED, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                deflate);
        Hdf5.setStringAttribute(e.group, Layout.ATTR_ORDER, String.join(",", names));
        List<Parameter> params = t.exploredParameters();
        for (int c = 0; c < names.size(); c++) {
            Column col = Column.create(e.group, names.get(c), params.get(c).type(), 0, 0, deflate);
            Hdf5.setStringAttribute(col.id(), Layout.ATTR_TYPE, params.get(c).type().label());
            e.columns.put(names.get(c), col);
        }
        return e;
    }

    static ExploredColumns open(long overview) throws HDF5Exception {
        ExploredColumns e = new ExploredColumns(H5.H5Gopen(overview, Layout.EXPLORED, H5P_DEFAULT), 0);
        String order = Hdf5.readStringAttribute(e.group, Layout.ATTR_ORDER);
        for (String p : order.isEmpty() ? new String[0] : order.split(",")) {
            e.columns.put(p, null);
        }
        return e;
    }

    private static List<String> names(Trajectory t) {
        List<String> names = new ArrayList<>();
        for (Parameter p : t.exploredParameters()) {
            names.add(p.fullPath().substring(Branch.PARAMETERS.groupName().length() + 1));
        }
        return names;
    }

    void requireSameAs(Trajectory t, Path path) {
        List<String> names = names(t);
        if (!new ArrayList<>(columns.keySet()).equals(names)) {
            throw new StorageException("the trajectory explores " + names + " but " + path + " holds " + columns.keySet());
        }
    }

    /** Writes the explored values of runs from..to-1. */
    void append(Trajectory t, long from, long to) throws HDF5Exception {
        List<Parameter> params = t.exploredParameters();
        int c = 0;
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            Parameter p = params.get(c++);
            Column col = e.getValue();
            if (col == null) {
                col = Column.open(group, e.getKey(), p.type(), 0);
                e.setValue(col);
            }
            col.extend(to); // every new entry is written below
            final int block = 1 << 16;
            for (long first = from; first < to; first += block) {
                int n = (int) Math.min(block, to - first);
                Object buffer = ColumnArrays.allocate(p.type(), n);
                for (int i = 0; i < n; i++) {
                    ColumnArrays.set(buffer, i, p.valueInRun(first + i));
                }
                col.write(first, buffer, n);
            }
        }
    }

    @Override
    public void close() throws HDF5Exception {
        for (Column c : columns.values()) {
            if (c != null) {
                c.close();
            }
        }
        H5.H5Gclose(group);
    }
}
