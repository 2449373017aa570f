package org.neurosweep.storage;

import static hdf.hdf5lib.HDF5Constants.H5P_DEFAULT;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;
import hdf.hdf5lib.exceptions.HDF5Exception;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neurosweep.trajectory.Group;
import org.neurosweep.trajectory.Leaf;
import org.neurosweep.trajectory.Parameter;
import org.neurosweep.trajectory.TreeNode;

/** Writes a trajectory's tree of parameters and results (one branch at a time) as HDF5 groups and datasets. */
final class TreeWriter {
    private TreeWriter() {
    }

    /**
     * Writes group {@code g} into the open HDF5 group {@code gid}: its comment, the order of its children,
     * its subgroups and the leaves not yet in the file (a leaf already there is kept as it is).
     */
    static void write(ValueWriter values, long gid, Group g, Path file) throws HDF5Exception {
        if (!g.comment().isEmpty()) {
            Hdf5.setStringAttribute(gid, Layout.ATTR_COMMENT, g.comment());
        }
        List<String> order = new ArrayList<>();
        g.children().forEach(c -> order.add(c.name()));
        Hdf5.setStringAttribute(gid, Layout.ATTR_ORDER, String.join(",", order));
        for (TreeNode child : g.children()) {
            if (child instanceof Group sub) {
                long id = Hdf5.createOrOpenOrderedGroup(gid, sub.name());
                try {
                    write(values, id, sub, file);
                } finally {
                    H5.H5Gclose(id);
                }
            } else if (H5.H5Lexists(gid, child.name(), H5P_DEFAULT)) {
                if (H5.H5Oget_info_by_name(gid, child.name(), H5P_DEFAULT).type == HDF5Constants.H5O_TYPE_GROUP) {
                    throw new StorageException(child.fullPath() + " collides with the group of that name in " + file
                            + " (made for per-run or summary results); choose another name");
                }
            } else {
                Leaf leaf = (Leaf) child;
                values.write(gid, leaf.name(), leaf.type(), leaf.value(), leaf.comment());
                long ds = H5.H5Dopen(gid, leaf.name(), H5P_DEFAULT);
                try {
                    Hdf5.setStringAttribute(ds, Layout.ATTR_TYPE, leaf.type().label());
                    if (leaf instanceof Parameter p && !p.unit().isEmpty()) {
                        Hdf5.setStringAttribute(ds, Layout.ATTR_UNIT, p.unit());
                    }
                } finally {
                    H5.H5Dclose(ds);
                }
            }
        }
    }
}
