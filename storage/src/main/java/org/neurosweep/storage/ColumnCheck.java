package org.neurosweep.storage;

import static hdf.hdf5lib.HDF5Constants.H5P_DEFAULT;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every column of a trajectory in full with the HDF5 library, to find columns that a crash left
 * damaged (an index that points at a chunk never written). Appending to such a file could later put new
 * data where the dangling pointer points and turn a read error into wrong numbers, so resume refuses.
 */
final class ColumnCheck {
    private static final String[] GROUPS = {Layout.OVERVIEW + "/" + Layout.RUNS, Layout.OVERVIEW + "/" + Layout.FAILURES,
        Layout.OVERVIEW + "/" + Layout.EXPLORED, "results/" + Layout.SUMMARY, "derived_parameters/" + Layout.SUMMARY};

    private ColumnCheck() {
    }

    /** The paths of the columns that cannot be read in full. */
    static List<String> damaged(long root) {
        List<String> bad = new ArrayList<>();
        for (String groupPath : GROUPS) {
            long group;
            try {
                if (!H5.H5Lexists(root, groupPath.substring(0, groupPath.indexOf('/')), H5P_DEFAULT)
                        || !H5.H5Lexists(root, groupPath, H5P_DEFAULT)) {
                    continue;
                }
                group = H5.H5Gopen(root, groupPath, H5P_DEFAULT);
            } catch (RuntimeException e) {
                bad.add(groupPath);
                continue;
            }
            try {
                long n = H5.H5Gget_info(group).nlinks;
                for (long i = 0; i < n; i++) {
                    String name = H5.H5Lget_name_by_idx(group, ".", HDF5Constants.H5_INDEX_NAME, HDF5Constants.H5_ITER_INC, i,
                            H5P_DEFAULT);
                    if (!readable(group, name)) {
                        bad.add(groupPath + "/" + name);
                    }
                }
            } catch (RuntimeException e) {
                bad.add(groupPath);
            } finally {
                H5.H5Gclose(group);
            }
        }
        try { // the worker names of format version 2
            if (H5.H5Lexists(root, Layout.OVERVIEW, H5P_DEFAULT)) {
                long overview = H5.H5Gopen(root, Layout.OVERVIEW, H5P_DEFAULT);
                try {
                    if (H5.H5Lexists(overview, Layout.WORKERS, H5P_DEFAULT) && !readable(overview, Layout.WORKERS)) {
                        bad.add(Layout.OVERVIEW + "/" + Layout.WORKERS);
                    }
                } finally {
                    H5.H5Gclose(overview);
                }
            }
        } catch (RuntimeException e) {
            bad.add(Layout.OVERVIEW + "/" + Layout.WORKERS);
        }
        return bad;
    }

    private static boolean readable(long group, String name) {
        try {
            long ds = H5.H5Dopen(group, name, H5P_DEFAULT);
            long type = H5.H5Dget_type(ds);
            long space = H5.H5Dget_space(ds);
            try {
                long[] dims = new long[1];
                H5.H5Sget_simple_extent_dims(space, dims, null);
                int n = Math.toIntExact(dims[0]);
                if (n == 0) {
                    return true;
                }
                if (H5.H5Tis_variable_str(type)) {
                    H5.H5Dread_VLStrings(ds, type, HDF5Constants.H5S_ALL, HDF5Constants.H5S_ALL, H5P_DEFAULT, new String[n]);
                } else {
                    byte[] all = new byte[Math.toIntExact(n * H5.H5Tget_size(type))];
                    H5.H5Dread(ds, type, HDF5Constants.H5S_ALL, HDF5Constants.H5S_ALL, H5P_DEFAULT, all);
                }
                return true;
            } finally {
                H5.H5Sclose(space);
                H5.H5Tclose(type);
                H5.H5Dclose(ds);
            }
        } catch (RuntimeException e) {
            return false;
        }
    }
}
