package org.neurosweep.storage;

import static hdf.hdf5lib.HDF5Constants.H5P_DEFAULT;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;
import hdf.hdf5lib.exceptions.HDF5Exception;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurosweep.trajectory.Names;
import org.neurosweep.trajectory.ValueType;

/**
 * Writes single values as datasets: scalars as scalar datasets, arrays as 1-D datasets (compact, in the
 * object header, up to {@value #COMPACT_BYTES} bytes; chunked and deflated above). Keeps the groups it
 * last used open, since consecutive runs write into the same {@code run_set} bucket.
 */
final class ValueWriter implements AutoCloseable {
    static final int COMPACT_BYTES = 16 * 1024;
    private static final int OPEN_GROUPS = 32;

    private final long root;
    private final int deflate;
    private final Map<String, Long> openGroups = new LinkedHashMap<>(64, 0.75f, true);

    ValueWriter(long root, int deflate) {
        this.root = root;
        this.deflate = deflate;
    }

    /**
     * The group at a slash-separated path below the trajectory root, created with its parents if missing.
     * The handle belongs to this writer: do not close it.
     */
    long group(String path) throws HDF5Exception {
        Long cached = openGroups.get(path);
        if (cached != null) {
            return cached;
        }
        int slash = path.lastIndexOf('/');
        long parent = slash < 0 ? root : group(path.substring(0, slash));
        long id = Hdf5.createOrOpenGroup(parent, path.substring(slash + 1));
        openGroups.put(path, id);
        if (openGroups.size() > OPEN_GROUPS) {
            Iterator<Map.Entry<String, Long>> eldest = openGroups.entrySet().iterator();
            Map.Entry<String, Long> e = eldest.next();
            eldest.remove();
            H5.H5Gclose(e.getValue());
        }
        return id;
    }

    /** Whether a slash-separated path exists below the root (every link on the way). */
    boolean exists(String path) throws HDF5Exception {
        int from = 0;
        while (true) {
            int slash = path.indexOf('/', from);
            String prefix = slash < 0 ? path : path.substring(0, slash);
            if (!openGroups.containsKey(prefix) && !H5.H5Lexists(root, prefix, H5P_DEFAULT)) {
                return false;
            }
            if (slash < 0) {
                return true;
            }
            from = slash + 1;
        }
    }

    /** Closes the cached handles of a group and of everything below it (it is about to move). */
    void forget(String path) throws HDF5Exception {
        var it = openGroups.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getKey().equals(path) || e.getKey().startsWith(path + "/")) {
                H5.H5Gclose(e.getValue());
                it.remove();
            }
        }
    }

    /** Removes the link at a path (a stale per-run group of a run that did not complete). */
    void delete(String path) throws HDF5Exception {
        openGroups.keySet().removeIf(p -> {
            if (p.equals(path) || p.startsWith(path + "/")) {
                try {
                    H5.H5Gclose(openGroups.get(p));
                } catch (HDF5Exception e) {
                    throw new StorageException("cannot close group " + p, e);
                }
                return true;
            }
            return false;
        });
        H5.H5Ldelete(root, path, H5P_DEFAULT);
    }

    /** Writes one value as a dataset named {@code name} in the group {@code parent}. */
    void write(long parent, String name, ValueType type, Object value, String comment) throws HDF5Exception {
        write(parent, name, type, value, comment, "");
    }

    /** Writes one value as a dataset named {@code name} in the group {@code parent}, with its unit if any. */
    void write(long parent, String name, ValueType type, Object value, String comment, String unit) throws HDF5Exception {
        long fileType = Hdf5.fileType(type);
        long space;
        long dcpl = H5.H5Pcreate(HDF5Constants.H5P_DATASET_CREATE);
        try {
            if (type.isScalar()) {
                space = H5.H5Screate(HDF5Constants.H5S_SCALAR);
                H5.H5Pset_layout(dcpl, HDF5Constants.H5D_COMPACT);
            } else {
                int n = Hdf5.length(value);
                space = H5.H5Screate_simple(1, new long[] {n}, null);
                long bytes = (long) n * Hdf5.elementBytes(type);
                if (bytes <= COMPACT_BYTES) {
                    H5.H5Pset_layout(dcpl, HDF5Constants.H5D_COMPACT);
                } else {
                    H5.H5Pset_chunk(dcpl, 1, new long[] {Math.min(n, 1 << 16)});
                    if (deflate > 0) {
                        H5.H5Pset_shuffle(dcpl);
                        H5.H5Pset_deflate(dcpl, deflate);
                    }
                }
            }
            long dataset = H5.H5Dcreate(parent, name, fileType, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
            try {
                if (!type.isArray() || Hdf5.length(value) > 0) {
                    Hdf5.writeAll(dataset, type, value);
                }
                if (comment != null && !comment.isEmpty()) {
                    Hdf5.setStringAttribute(dataset, Layout.ATTR_COMMENT, comment);
                }
                if (unit != null && !unit.isEmpty()) {
                    Hdf5.setStringAttribute(dataset, Layout.ATTR_UNIT, unit);
                }
            } finally {
                H5.H5Dclose(dataset);
            }
            H5.H5Sclose(space);
        } finally {
            H5.H5Pclose(dcpl);
            if (Hdf5.ownsType(type)) {
                H5.H5Tclose(fileType);
            }
        }
    }

    /** Converts a dotted path below a branch to the slash path below the root: {@code results/runs/...}. */
    static String slashPath(String branchGroup, List<String> segments) {
        return branchGroup + "/" + String.join("/", segments);
    }

    static List<String> segments(String dottedPath) {
        return Names.split(dottedPath);
    }

    @Override
    public void close() throws HDF5Exception {
        for (long id : openGroups.values()) {
            H5.H5Gclose(id);
        }
        openGroups.clear();
    }
}
