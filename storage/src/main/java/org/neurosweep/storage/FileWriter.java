package org.neurosweep.storage;

import static hdf.hdf5lib.HDF5Constants.H5P_DEFAULT;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;
import hdf.hdf5lib.exceptions.HDF5Exception;
import hdf.hdf5lib.structs.H5AC_cache_config_t;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.neurosweep.trajectory.Branch;
import org.neurosweep.trajectory.Group;
import org.neurosweep.trajectory.Leaf;
import org.neurosweep.trajectory.Parameter;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.RunValue;
import org.neurosweep.trajectory.Runs;
import org.neurosweep.trajectory.TreeNode;
import org.neurosweep.trajectory.Trajectory;
import org.neurosweep.trajectory.ValueType;
import org.neurosweep.trajectory.Version;

/**
 * Everything that touches the HDF5 file while writing; used by exactly one thread.
 *
 * <p>Crash safety: the file is created with the file-space strategy NONE, so space freed by rewriting a
 * chunk is never reused and what the last flush described stays intact on disk. Each batch is committed
 * in two flushes: first the runs' values and times, then their status. A run is therefore marked
 * completed on disk only after everything it produced is.
 */
final class FileWriter implements AutoCloseable {
    private Path path;
    /** Where a new file is written until its trajectory is flushed; then it is renamed to {@link #path}. */
    private Path creating;
    private final long file;
    private final StorageOptions options;
    private long root = -1;
    private String name;
    private ValueWriter values;
    private long overview = -1;
    private RunTableWriter runTable;
    private long exploredGroup = -1;
    private final Map<String, Column> explored = new LinkedHashMap<>();
    /** Summary columns of results and derived_parameters, by column name. */
    private final Map<Branch, Map<String, Column>> summary = new EnumMap<>(Branch.class);
    private final Set<String> runGroups = new TreeSet<>();
    /** How much the file grew in the largest commit so far: the estimate of what the next one needs. */
    private long largestCommitBytes = 1 << 20;

    private FileWriter(Path path, long file, StorageOptions options) {
        this.path = path;
        this.file = file;
        this.options = options;
    }

    /**
     * Creates a new file; refuses to overwrite one. It is written as {@code FILE.h5.<pid>.creating} and
     * renamed to FILE.h5 once the trajectory is stored and flushed, so FILE.h5 never exists half-made.
     */
    static FileWriter create(Path path, StorageOptions options) {
        Hdf5.load();
        if (Files.exists(path)) {
            throw new StorageException(path + " already exists; resume it, or choose another file");
        }
        Path creating = path.resolveSibling(path.getFileName() + "." + ProcessHandle.current().pid() + ".creating");
        try {
            Files.deleteIfExists(creating);
            long fapl = fileAccess();
            long fcpl = H5.H5Pcreate(HDF5Constants.H5P_FILE_CREATE);
            try {
                H5.H5Pset_file_space_strategy(fcpl, HDF5Constants.H5F_FSPACE_STRATEGY_NONE, false, 1);
                long file = H5.H5Fcreate(creating.toString(), HDF5Constants.H5F_ACC_EXCL, fcpl, fapl);
                FileWriter w = new FileWriter(path, file, options);
                w.creating = creating;
                return w;
            } finally {
                H5.H5Pclose(fcpl);
                H5.H5Pclose(fapl);
            }
        } catch (HDF5Exception | IOException e) {
            throw new StorageException("cannot create " + path + ": " + e.getMessage(), e);
        }
    }

    /** Puts a new file in place once its trajectory is on disk. */
    private void publish() throws HDF5Exception {
        if (creating == null) {
            return;
        }
        flush();
        try {
            if (Files.exists(path)) {
                throw new StorageException(path + " appeared while it was being created; the new sweep is in " + creating);
            }
            Files.move(creating, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StorageException("cannot move " + creating + " to " + path + ": " + e.getMessage(), e);
        }
        creating = null;
    }

    /** Opens an existing trajectory file for appending. */
    static FileWriter open(Path path, String trajectoryName, StorageOptions options) {
        Hdf5.load();
        try {
            long fapl = fileAccess();
            try {
                long file = H5.H5Fopen(path.toString(), HDF5Constants.H5F_ACC_RDWR, fapl);
                FileWriter w = new FileWriter(path, file, options);
                w.openRoot(trajectoryName);
                return w;
            } finally {
                H5.H5Pclose(fapl);
            }
        } catch (HDF5Exception e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("lock")) {
                throw new FileInUseException(path + " is open for writing by another process (" + m + ")", e);
            }
            throw new StorageException("cannot open " + path + " for writing: " + m, e);
        }
    }

    private static long fileAccess() throws HDF5Exception {
        long fapl = H5.H5Pcreate(HDF5Constants.H5P_FILE_ACCESS);
        // V18 objects and at most V110 features: readable by HDF5 1.10 (Debian's h5py) and by jHDF
        H5.H5Pset_libver_bounds(fapl, HDF5Constants.H5F_LIBVER_V18, HDF5Constants.H5F_LIBVER_V110);
        H5.H5Pset_file_locking(fapl, true, true);
        // No evictions from the metadata cache: dirty metadata then reaches the file only in our flushes,
        // never half-way through a commit (an evicted B-tree node of a run_set bucket, written before the
        // nodes it points to, is what a kill -9 between flushes damaged). The cache grows with what a
        // commit touches; the sink reopens the file when it passes RECYCLE_CACHE_BYTES.
        H5AC_cache_config_t mdc = H5.H5Pget_mdc_config(fapl);
        mdc.evictions_enabled = false;
        mdc.incr_mode = 0; // H5C_incr__off
        mdc.flash_incr_mode = 0; // H5C_flash_incr__off
        mdc.decr_mode = 0; // H5C_decr__off
        mdc.set_initial_size = true;
        mdc.initial_size = 32L << 20;
        mdc.max_size = Math.max(mdc.max_size, 32L << 20);
        mdc.min_size = Math.min(mdc.min_size, 1L << 20);
        H5.H5Pset_mdc_config(fapl, mdc);
        return fapl;
    }

    /** Metadata cache size above which the sink reopens the file to empty the cache. */
    static final long RECYCLE_CACHE_BYTES = 256L << 20;

    /** The metadata cache's current size (bytes). */
    long cacheBytes() throws HDF5Exception {
        long[] sizes = new long[4];
        H5.H5Fget_mdc_size(file, sizes);
        return sizes[2];
    }

    long largestCommitBytes() {
        return largestCommitBytes;
    }

    void largestCommitBytes(long bytes) {
        largestCommitBytes = Math.max(largestCommitBytes, bytes);
    }

    private void openRoot(String trajectoryName) throws HDF5Exception {
        name = trajectoryName;
        root = H5.H5Gopen(file, trajectoryName, H5P_DEFAULT);
        values = new ValueWriter(root, options.deflateLevel());
        overview = H5.H5Gopen(root, Layout.OVERVIEW, H5P_DEFAULT);
        runTable = RunTableWriter.openOrCreate(overview, options.deflateLevel());
        if (H5.H5Aexists(overview, Layout.ATTR_RUN_GROUPS)) {
            for (String g : Hdf5.readStringAttribute(overview, Layout.ATTR_RUN_GROUPS).split(",")) {
                if (!g.isEmpty()) {
                    runGroups.add(g);
                }
            }
        }
        if (H5.H5Lexists(overview, Layout.EXPLORED, H5P_DEFAULT)) {
            exploredGroup = H5.H5Gopen(overview, Layout.EXPLORED, H5P_DEFAULT);
            String order = Hdf5.readStringAttribute(exploredGroup, Layout.ATTR_ORDER);
            for (String p : order.isEmpty() ? new String[0] : order.split(",")) {
                explored.put(p, null);
            }
        }
    }

    /** The runs stored as completed. */
    BitSet completedRuns() throws HDF5Exception {
        BitSet done = new BitSet();
        byte[] status = runTable.readStatus();
        for (int i = 0; i < status.length; i++) {
            if (status[i] == RunStatus.COMPLETED.ordinal()) {
                done.set(i);
            }
        }
        return done;
    }

    /**
     * Refuses to go on with a file whose columns a crash damaged (a chunk index pointing at a chunk never
     * written): appending could later place new data where the dangling pointer points. Opens the file
     * read-only: closing a file opened for writing truncates it to its recorded end, which after a crash
     * can cut off what is stored past it.
     */
    static void requireReadableColumns(Path path, String trajectoryName) {
        Hdf5.load();
        List<String> damaged;
        try {
            long fapl = fileAccess();
            long file;
            try {
                file = H5.H5Fopen(path.toString(), HDF5Constants.H5F_ACC_RDONLY, fapl);
            } finally {
                H5.H5Pclose(fapl);
            }
            try {
                long root = H5.H5Gopen(file, trajectoryName, H5P_DEFAULT);
                try {
                    damaged = ColumnCheck.damaged(root);
                } finally {
                    H5.H5Gclose(root);
                }
            } finally {
                H5.H5Fclose(file);
            }
        } catch (HDF5Exception e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("lock")) {
                throw new FileInUseException(path + " is open for writing by another process (" + m + ")", e);
            }
            throw new StorageException("cannot open " + path + ": " + m, e);
        }
        if (!damaged.isEmpty()) {
            throw new StorageException(path + " was damaged by a crash in " + damaged + ": resuming would write next to broken"
                    + " data, so it is refused. The run table and the other columns still read (neurosweep ls, h5py); start"
                    + " the sweep again in a new file. (Repairing damaged columns is not implemented yet.)");
        }
    }

    /**
     * After a crash: the commit that was being written can have damaged the run_set buckets it touched,
     * and each of those holds at least one run not completed (that commit's runs). Checks every existing
     * bucket that holds a run not completed; a damaged one is moved to {@code overview/damaged/} and all of
     * its runs are marked pending, so that they run again.
     *
     * @return a line per bucket moved aside (empty if nothing was damaged)
     */
    List<String> repairAfterCrash() throws HDF5Exception {
        List<String> repaired = new ArrayList<>();
        BitSet completed = completedRuns();
        long runs = runTable.length();
        for (String prefix : runGroups) {
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
                    runTable.markPending(first, last);
                    repaired.add(prefix + "/" + bucket + " was damaged by the crash: its runs " + first + ".." + (last - 1)
                            + " will run again");
                }
            }
            if (!damaged.isEmpty()) {
                replaceWithout(prefix, damaged);
            }
        }
        if (!repaired.isEmpty()) {
            flush();
        }
        return repaired;
    }

    /**
     * Rebuilds a group of buckets without the damaged ones: a new group gets hard links to every healthy
     * bucket, the old group is moved to {@code overview/damaged/}, and the new one takes its name. Only
     * link names are read from the old group: HDF5 cannot move or delete a link to a damaged object.
     */
    private void replaceWithout(String prefix, List<String> damaged) throws HDF5Exception {
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

    // ------------------------------------------------------------------ the trajectory

    /** Writes the trajectory's tree (leaves not yet in the file), explored values and run table rows. */
    void writeTrajectory(Trajectory t) throws HDF5Exception {
        for (Parameter p : t.exploredParameters()) {
            if (!p.type().isScalar()) {
                throw new StorageException("cannot store explored parameter " + p.fullPath() + " of type "
                        + p.type().label() + ": only scalar parameters can be explored in a stored trajectory");
            }
        }
        if (root < 0) {
            createRoot(t);
        } else if (!t.name().equals(name)) {
            throw new StorageException(path + " holds trajectory '" + name + "', not '" + t.name() + "'");
        }
        for (Branch b : Branch.values()) {
            writeGroup(values.group(b.groupName()), t.root(b));
        }
        writeExplored(t);
        flush();
        publish();
    }

    private void createRoot(Trajectory t) throws HDF5Exception {
        name = t.name();
        root = Hdf5.createOrOpenOrderedGroup(file, name);
        Hdf5.setStringAttribute(root, Layout.ATTR_FORMAT, Layout.FORMAT);
        Hdf5.setLongAttribute(root, Layout.ATTR_FORMAT_VERSION, Layout.FORMAT_VERSION);
        Hdf5.setStringAttribute(root, Layout.ATTR_NAME, name);
        Hdf5.setStringAttribute(root, Layout.ATTR_CREATED, t.created().toString());
        Hdf5.setLongAttribute(root, Layout.ATTR_SEED, t.seed());
        Hdf5.setStringAttribute(root, Layout.ATTR_VERSION, Version.NEUROSWEEP);
        Hdf5.setStringAttribute(root, Layout.ATTR_COMMENT, t.comment());
        String commit = GitCommit.find(Path.of("").toAbsolutePath());
        if (commit != null) {
            Hdf5.setStringAttribute(root, Layout.ATTR_GIT_COMMIT, commit);
        }
        values = new ValueWriter(root, options.deflateLevel());
        for (Branch b : Branch.values()) {
            H5.H5Gclose(Hdf5.createOrOpenOrderedGroup(root, b.groupName()));
        }
        overview = Hdf5.createOrOpenOrderedGroup(root, Layout.OVERVIEW);
        List<String> order = new ArrayList<>();
        for (Branch b : Branch.values()) {
            order.add(b.groupName());
        }
        order.add(Layout.OVERVIEW);
        Hdf5.setStringAttribute(root, Layout.ATTR_ORDER, String.join(",", order));
        runTable = RunTableWriter.openOrCreate(overview, options.deflateLevel());
    }

    private void writeGroup(long gid, Group g) throws HDF5Exception {
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
                    writeGroup(id, sub);
                } finally {
                    H5.H5Gclose(id);
                }
            } else if (H5.H5Lexists(gid, child.name(), H5P_DEFAULT)) {
                if (H5.H5Oget_info_by_name(gid, child.name(), H5P_DEFAULT).type == HDF5Constants.H5O_TYPE_GROUP) {
                    throw new StorageException(child.fullPath() + " collides with the group of that name in " + path
                            + " (made for per-run or summary results); choose another name");
                }
            } else {
                Leaf leaf = (Leaf) child;
                values.write(gid, leaf.name(), leaf.type(), leaf.value(), leaf.comment());
                long ds = H5.H5Dopen(gid, leaf.name(), H5P_DEFAULT);
                try {
                    Hdf5.setStringAttribute(ds, Layout.ATTR_TYPE, leaf.type().label());
                } finally {
                    H5.H5Dclose(ds);
                }
            }
        }
    }

    private void writeExplored(Trajectory t) throws HDF5Exception {
        List<Parameter> params = t.exploredParameters();
        List<String> names = new ArrayList<>();
        for (Parameter p : params) {
            names.add(p.fullPath().substring(Branch.PARAMETERS.groupName().length() + 1));
        }
        if (exploredGroup < 0) {
            exploredGroup = H5.H5Gcreate(overview, Layout.EXPLORED, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
            Hdf5.setStringAttribute(exploredGroup, Layout.ATTR_ORDER, String.join(",", names));
            for (int c = 0; c < names.size(); c++) {
                Column col = Column.create(exploredGroup, names.get(c), params.get(c).type(), 0, 0, options.deflateLevel());
                Hdf5.setStringAttribute(col.id(), Layout.ATTR_TYPE, params.get(c).type().label());
                explored.put(names.get(c), col);
            }
        } else if (!new ArrayList<>(explored.keySet()).equals(names)) {
            throw new StorageException("the trajectory explores " + names + " but " + path + " holds " + explored.keySet());
        }
        long from = runTable.length();
        long to = t.runCount();
        if (to < from) {
            throw new StorageException(path + " holds " + from + " runs but trajectory " + t.name() + " has only " + to);
        }
        if (to == from) {
            return;
        }
        runTable.grow(to);
        for (Map<String, Column> columns : summary.values()) {
            for (Column c : columns.values()) {
                c.grow(to);
            }
        }
        int column = 0;
        for (Map.Entry<String, Column> e : explored.entrySet()) {
            Column col = e.getValue() != null ? e.getValue() : openExplored(e.getKey(), params.get(column).type());
            col.grow(to);
            writeExploredValues(col, params.get(column), from, to);
            column++;
        }
    }

    private Column openExplored(String key, ValueType type) throws HDF5Exception {
        Column c = Column.open(exploredGroup, key, type, 0);
        explored.put(key, c);
        return c;
    }

    private static void writeExploredValues(Column col, Parameter p, long from, long to) throws HDF5Exception {
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

    // ------------------------------------------------------------------ runs

    /**
     * Commits a batch of finished runs: values and times, flush, status, flush. Records whose summary
     * values do not fit their column are stored as failed with the reason.
     *
     * @return the records as stored, sorted by index
     */
    List<RunRecord> commit(List<RunRecord> batch) throws HDF5Exception {
        long sizeBefore = fileSize();
        requireSpaceFor(batch.size());
        List<RunRecord> sorted = new ArrayList<>(batch.size());
        for (RunRecord r : batch) {
            sorted.add(checked(r));
        }
        sorted.sort(Comparator.comparingLong(RunRecord::index));
        for (RunRecord r : sorted) {
            writeRunTree(r);
        }
        writeSummaries(sorted);
        runTable.writeTimes(sorted);
        flush();
        runTable.writeStatus(sorted);
        flush();
        largestCommitBytes = Math.max(largestCommitBytes, fileSize() - sizeBefore);
        return sorted;
    }

    private long fileSize() {
        try {
            return Files.size(creating != null ? creating : path);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Refuses to start a commit that could leave less than the reserve free. */
    private void requireSpaceFor(int runs) {
        long free;
        try {
            free = Files.getFileStore((creating != null ? creating : path).toAbsolutePath()).getUsableSpace();
        } catch (IOException e) {
            return; // the file store cannot say: write and let the library report a failure
        }
        long need = options.reserveBytes() + 2 * largestCommitBytes;
        if (free < need) {
            throw new DiskFullException(String.format("the disk of %s is nearly full: %.1f MB free, but storing %d more runs"
                    + " needs about %.1f MB plus the %.1f MB kept in reserve. Stopped before writing, so the file is"
                    + " consistent and every completed run is kept; free some space and resume.",
                    path, free / 1e6, runs, 2 * largestCommitBytes / 1e6, options.reserveBytes() / 1e6));
        }
    }

    /** The record, or a failed copy of it if a summary value cannot go into its column. */
    private RunRecord checked(RunRecord r) throws HDF5Exception {
        if (r.index() >= runTable.length()) {
            throw new StorageException("run " + r.index() + " is outside the " + runTable.length() + " runs of " + path);
        }
        for (RunValue v : r.values()) {
            if (v.summary()) {
                Column c = summaryColumn(v);
                if (c.type() != v.type()) {
                    String msg = "cannot store " + v.fullPath() + " of " + r.name() + ": it is " + v.type().label()
                            + " but the column holds " + c.type().label() + " (from earlier runs)";
                    return new RunRecord(r.index(), RunStatus.FAILED, r.startMillis(), r.durationNanos(), r.worker(),
                            msg, List.of());
                }
            }
        }
        return r;
    }

    private Column summaryColumn(RunValue v) throws HDF5Exception {
        Map<String, Column> columns = summary.computeIfAbsent(v.branch(), b -> new HashMap<>());
        Column c = columns.get(v.path());
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
            c.grow(runTable.length());
        } else {
            c = Column.create(group, v.path(), v.type(), 0, runTable.length(), options.deflateLevel());
            Hdf5.setStringAttribute(c.id(), Layout.ATTR_TYPE, v.type().label());
            String order = H5.H5Aexists(group, Layout.ATTR_ORDER) ? Hdf5.readStringAttribute(group, Layout.ATTR_ORDER) : "";
            Hdf5.setStringAttribute(group, Layout.ATTR_ORDER, order.isEmpty() ? v.path() : order + "," + v.path());
            if (!v.comment().isEmpty()) {
                Hdf5.setStringAttribute(c.id(), Layout.ATTR_COMMENT, v.comment());
            }
        }
        columns.put(v.path(), c);
        return c;
    }

    private void writeRunTree(RunRecord r) throws HDF5Exception {
        String runName = Runs.name(r.index());
        Set<String> cleared = new TreeSet<>();
        for (RunValue v : r.values()) {
            if (v.summary()) {
                continue;
            }
            List<String> segments = ValueWriter.segments(v.path());
            int anchor = segments.indexOf(runName);
            String runGroup = ValueWriter.slashPath(v.branch().groupName(), segments.subList(0, anchor + 1));
            if (cleared.add(runGroup)) {
                noteRunGroup(ValueWriter.slashPath(v.branch().groupName(), segments.subList(0, anchor - 1)));
                if (values.exists(runGroup)) {
                    values.delete(runGroup); // left by an attempt that never completed
                }
            }
            String parent = ValueWriter.slashPath(v.branch().groupName(), segments.subList(0, segments.size() - 1));
            values.write(values.group(parent), segments.get(segments.size() - 1), v.type(), v.value(), v.comment());
        }
    }

    private void noteRunGroup(String prefix) throws HDF5Exception {
        if (runGroups.add(prefix)) {
            Hdf5.setStringAttribute(overview, Layout.ATTR_RUN_GROUPS, String.join(",", runGroups));
        }
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

    private void writeSummaries(List<RunRecord> sorted) throws HDF5Exception {
        Map<Column, ColumnBatch> batches = new LinkedHashMap<>();
        for (RunRecord r : sorted) {
            for (RunValue v : r.values()) {
                if (v.summary()) {
                    Column c = summaryColumn(v);
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

    void flush() throws HDF5Exception {
        H5.H5Fflush(file, HDF5Constants.H5F_SCOPE_GLOBAL);
    }

    @Override
    public void close() throws HDF5Exception {
        try {
            if (values != null) {
                values.close();
            }
            for (Map<String, Column> columns : summary.values()) {
                for (Column c : columns.values()) {
                    c.close();
                }
            }
            for (Column c : explored.values()) {
                if (c != null) {
                    c.close();
                }
            }
            if (runTable != null) {
                runTable.close();
            }
            if (exploredGroup >= 0) {
                H5.H5Gclose(exploredGroup);
            }
            if (overview >= 0) {
                H5.H5Gclose(overview);
            }
            if (root >= 0) {
                H5.H5Gclose(root);
            }
        } finally {
            H5.H5Fclose(file);
            if (creating != null) {
                try {
                    Files.deleteIfExists(creating); // the trajectory was never stored: leave nothing behind
                } catch (IOException ignored) {
                    // a stray .creating file is harmless
                }
            }
        }
    }
}
