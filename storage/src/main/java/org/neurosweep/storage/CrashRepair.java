package org.neurosweep.storage;

import static hdf.hdf5lib.HDF5Constants.H5P_DEFAULT;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;
import hdf.hdf5lib.exceptions.HDF5Exception;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.neurosweep.trajectory.Runs;

/**
 * What resume does about a file a crash may have damaged. HDF5 writes metadata in no crash-safe order
 * outside SWMR, so a kill during a flush can leave an index pointing at a node or chunk never written.
 * <ul>
 *   <li>run_set buckets: any bucket holding a run not completed may have been touched by the killed
 *       commit; a damaged one is dropped (its parent group is rebuilt from hard links to the healthy
 *       buckets, the old one kept under {@code overview/damaged/}) and its runs are marked pending;</li>
 *   <li>columns: every column is read in full; if one cannot be, resume is refused (appending could later
 *       put new data where a dangling pointer points and turn a read error into wrong numbers).</li>
 * </ul>
 */
final class CrashRepair {
    private CrashRepair() {
    }

    /** Refuses a file (opened read-only) whose columns cannot be read in full. */
    static void requireReadableColumns(long file, String trajectoryName, Path path) throws HDF5Exception {
        long root = H5.H5Gopen(file, trajectoryName, H5P_DEFAULT);
        List<String> damaged;
        try {
            damaged = ColumnCheck.damaged(root);
        } finally {
            H5.H5Gclose(root);
        }
        if (!damaged.isEmpty()) {
            throw new NotATrajectoryFileException(path, "damaged in " + damaged + " (by a crash, say): resuming would write"
                    + " next to broken data, so it is refused. The run table and the other columns still read (neurosweep ls,"
                    + " h5py); start the sweep again in a new file. (Repairing damaged columns is not implemented yet.)", null);
        }
    }

    /**
     * Checks every existing bucket that holds a run not completed; drops the damaged ones and marks their
     * runs pending.
     *
     * @return a line per bucket dropped (empty if nothing was damaged)
     */
    static List<String> repairBuckets(FileWriter w) throws HDF5Exception {
        List<String> repaired = new ArrayList<>();
        BitSet completed = w.completedRuns();
        long runs = w.runTable().length();
        ValueWriter values = w.values();
        for (String prefix : w.runGroups()) {
            if (!values.exists(prefix)) {
                continue;
            }
            long group = values.group(prefix);
            List<String> damaged = new ArrayList<>();
            for (long first = 0; first < runs; first += Runs.RUNS_PER_SET) {
                long last = Math.min(runs, first + Runs.RUNS_PER_SET);
                if (completed.nextClearBit((int) first) >= last) {
                    continue; // every run of the bucket completed in earlier commits: untouched since
                }
                String bucket = Runs.setName(first);
                if (H5.H5Lexists(group, bucket, H5P_DEFAULT) && !readable(group, bucket)) {
                    damaged.add(bucket);
                    w.runTable().markPending(first, last);
                    repaired.add(prefix + "/" + bucket + " was damaged by the crash: its runs " + first + ".." + (last - 1)
                            + " will run again");
                }
            }
            if (!damaged.isEmpty()) {
                replaceWithout(values, prefix, damaged);
            }
        }
        return repaired;
    }

    /**
     * Rebuilds a group of buckets without the damaged ones: a new group gets hard links to every healthy
     * bucket, the old group is moved to {@code overview/damaged/}, and the new one takes its name. Only
     * link names are read from the old group: HDF5 cannot move or delete a link to a damaged object.
     */
    private static void replaceWithout(ValueWriter values, String prefix, List<String> damaged) throws HDF5Exception {
        int slash = prefix.lastIndexOf('/');
        String parentPath = prefix.substring(0, slash);
        String name = prefix.substring(slash + 1);
        long parent = values.group(parentPath);
        long old = values.group(prefix);
        String rebuilt = name + "_rebuilt";
        long fresh = H5.H5Gcreate(parent, rebuilt, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
        try {
            long n = H5.H5Gget_info(old).nlinks;
            for (long i = 0; i < n; i++) {
                String link = H5.H5Lget_name_by_idx(old, ".", HDF5Constants.H5_INDEX_NAME, HDF5Constants.H5_ITER_INC, i,
                        H5P_DEFAULT);
                if (!damaged.contains(link)) {
                    H5.H5Lcreate_hard(old, link, fresh, link, H5P_DEFAULT, H5P_DEFAULT);
                }
            }
        } finally {
            H5.H5Gclose(fresh);
        }
        values.forget(prefix);
        long aside = values.group(Layout.OVERVIEW + "/damaged");
        H5.H5Lmove(parent, name, aside, prefix.replace('/', '_') + "_" + System.currentTimeMillis(), H5P_DEFAULT, H5P_DEFAULT);
        H5.H5Lmove(parent, rebuilt, parent, name, H5P_DEFAULT, H5P_DEFAULT);
    }

    /** Whether a bucket and every run group in it can be listed and opened. */
    private static boolean readable(long parent, String bucket) {
        try {
            long g = H5.H5Gopen(parent, bucket, H5P_DEFAULT);
            try {
                long n = H5.H5Gget_info(g).nlinks;
                for (long i = 0; i < n; i++) {
                    String name = H5.H5Lget_name_by_idx(g, ".", HDF5Constants.H5_INDEX_NAME, HDF5Constants.H5_ITER_INC, i,
                            H5P_DEFAULT);
                    if (!H5.H5Lexists(g, name, H5P_DEFAULT)) {
                        return false;
                    }
                    long run = H5.H5Oopen(g, name, H5P_DEFAULT);
                    try {
                        if (H5.H5Iget_type(run) == HDF5Constants.H5I_GROUP) {
                            H5.H5Gget_info(run);
                        }
                    } finally {
                        H5.H5Oclose(run);
                    }
                }
            } finally {
                H5.H5Gclose(g);
            }
            return true;
        } catch (RuntimeException e) { // HDF5 exceptions included: the bucket cannot be read
            return false;
        }
    }
}
