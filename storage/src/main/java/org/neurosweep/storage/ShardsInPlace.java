package org.neurosweep.storage;

import static hdf.hdf5lib.HDF5Constants.H5P_DEFAULT;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;
import hdf.hdf5lib.exceptions.HDF5Exception;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neurosweep.trajectory.Branch;
import org.neurosweep.trajectory.RunValue;
import org.neurosweep.trajectory.Trajectory;

/**
 * Shard files read as one sweep ({@link TrajectoryReader#open(List)}) without copying the runs' own groups: a
 * temporary file holds the tree, the run table and the columns (copied as compressed chunks), and a run's own
 * values are read from the shard that holds it, each shard's file opened when first needed. Reading a set of
 * shards as one thus costs what their columns cost, however large their per-run data.
 */
final class ShardsInPlace implements AutoCloseable {
    private final List<Shard> shards;
    private final List<Path> files;
    private final TrajectoryReader[] readers;

    ShardsInPlace(List<Shard> shards, List<Path> files) {
        this.shards = List.copyOf(shards);
        this.files = List.copyOf(files);
        this.readers = new TrajectoryReader[files.size()];
    }

    /** The values run {@code index} stored in its own groups, read from its shard's file; none if no shard given holds it. */
    synchronized List<RunValue> runGroupValues(long index) {
        for (int i = 0; i < shards.size(); i++) {
            if (shards.get(i).contains(index)) {
                if (readers[i] == null) {
                    readers[i] = TrajectoryReader.open(files.get(i));
                }
                return readers[i].runGroupValues(index);
            }
        }
        return List.of();
    }

    @Override
    public synchronized void close() {
        for (int i = 0; i < readers.length; i++) {
            if (readers[i] != null) {
                readers[i].close();
                readers[i] = null;
            }
        }
    }

    /**
     * Writes {@code dst}: the trajectory of {@code src} without the runs' own groups ({@code results/runs},
     * {@code derived_parameters/runs} stay, empty). Objects are copied with {@code H5Ocopy}: a group's attributes and
     * members as they are, chunks compressed as they are.
     */
    static void skeleton(Path src, Path dst) throws HDF5Exception {
        Hdf5.load();
        long in = H5.H5Fopen(src.toString(), HDF5Constants.H5F_ACC_RDONLY, H5P_DEFAULT);
        try {
            String rootName = ShardMerge.rootName(in);
            long fapl = Hdf5.writerFileAccess(); // the writer's format bounds: readable by HDF5 1.10 and by jHDF
            long out;
            try {
                out = H5.H5Fcreate(dst.toString(), HDF5Constants.H5F_ACC_EXCL, H5P_DEFAULT, fapl);
            } finally {
                H5.H5Pclose(fapl);
            }
            try {
                long inRoot = H5.H5Gopen(in, rootName, H5P_DEFAULT);
                long outRoot = groupLike(inRoot, out, rootName);
                try {
                    for (String child : children(inRoot)) {
                        boolean runBranch = child.equals(Branch.RESULTS.groupName()) || child.equals(Branch.DERIVED_PARAMETERS.groupName());
                        if (!runBranch) {
                            H5.H5Ocopy(inRoot, child, outRoot, child, H5P_DEFAULT, H5P_DEFAULT);
                            continue;
                        }
                        long inBranch = H5.H5Gopen(inRoot, child, H5P_DEFAULT);
                        long outBranch = groupLike(inBranch, outRoot, child);
                        try {
                            for (String member : children(inBranch)) {
                                if (member.equals(Trajectory.RUNS_GROUP)) {
                                    long runs = H5.H5Gopen(inBranch, member, H5P_DEFAULT);
                                    try {
                                        H5.H5Gclose(groupLike(runs, outBranch, member)); // empty: the runs' groups stay in the shards
                                    } finally {
                                        H5.H5Gclose(runs);
                                    }
                                } else {
                                    H5.H5Ocopy(inBranch, member, outBranch, member, H5P_DEFAULT, H5P_DEFAULT);
                                }
                            }
                        } finally {
                            H5.H5Gclose(outBranch);
                            H5.H5Gclose(inBranch);
                        }
                    }
                } finally {
                    H5.H5Gclose(outRoot);
                    H5.H5Gclose(inRoot);
                }
            } finally {
                H5.H5Fflush(out, HDF5Constants.H5F_SCOPE_GLOBAL);
                H5.H5Fclose(out);
            }
        } finally {
            H5.H5Fclose(in);
        }
    }

    /** A new group {@code name} below {@code parent} with the creation properties and the attributes of {@code like}. */
    private static long groupLike(long like, long parent, String name) throws HDF5Exception {
        long gcpl = H5.H5Gget_create_plist(like);
        long g;
        try {
            g = H5.H5Gcreate(parent, name, H5P_DEFAULT, gcpl, H5P_DEFAULT);
        } finally {
            H5.H5Pclose(gcpl);
        }
        hdf.hdf5lib.structs.H5O_info_t info = H5.H5Oget_info(like);
        for (long i = 0; i < info.num_attrs; i++) {
            long attr = H5.H5Aopen_by_idx(like, ".", HDF5Constants.H5_INDEX_NAME, HDF5Constants.H5_ITER_INC, i, H5P_DEFAULT, H5P_DEFAULT);
            try {
                String attrName = H5.H5Aget_name(attr);
                long type = H5.H5Aget_type(attr);
                try {
                    int typeClass = H5.H5Tget_class(type);
                    if (typeClass == HDF5Constants.H5T_STRING) {
                        Hdf5.setStringAttribute(g, attrName, Hdf5.readStringAttribute(like, attrName));
                    } else if (typeClass == HDF5Constants.H5T_INTEGER) {
                        long[] v = new long[1];
                        H5.H5Aread(attr, HDF5Constants.H5T_NATIVE_INT64, v);
                        Hdf5.setLongAttribute(g, attrName, v[0]);
                    } else {
                        throw new StorageException("reading shards as one: the attribute " + attrName + " of a group is neither text"
                                + " nor an integer", null);
                    }
                } finally {
                    H5.H5Tclose(type);
                }
            } finally {
                H5.H5Aclose(attr);
            }
        }
        return g;
    }

    /** A group's members in the order they were made (where the group tracks it), so that the copy keeps the tree's order. */
    static List<String> children(long group) throws HDF5Exception {
        hdf.hdf5lib.structs.H5G_info_t info = H5.H5Gget_info(group);
        long gcpl = H5.H5Gget_create_plist(group);
        int index;
        try {
            index = (H5.H5Pget_link_creation_order(gcpl) & HDF5Constants.H5P_CRT_ORDER_INDEXED) != 0
                    ? HDF5Constants.H5_INDEX_CRT_ORDER : HDF5Constants.H5_INDEX_NAME;
        } finally {
            H5.H5Pclose(gcpl);
        }
        List<String> names = new ArrayList<>();
        for (long i = 0; i < info.nlinks; i++) {
            names.add(H5.H5Lget_name_by_idx(group, ".", index, HDF5Constants.H5_ITER_INC, i, H5P_DEFAULT));
        }
        return names;
    }
}
