package org.neurosweep.storage;

import static hdf.hdf5lib.HDF5Constants.H5P_DEFAULT;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;
import hdf.hdf5lib.exceptions.HDF5Exception;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.neurosweep.trajectory.Branch;
import org.neurosweep.trajectory.Parameter;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.RunValue;
import org.neurosweep.trajectory.Runs;
import org.neurosweep.trajectory.Trajectory;
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
    /** The published file, FILE.h5: always a complete copy, never written in place. */
    private final Path path;
    /** The file written in place, FILE.h5.live; copied over {@link #path} by {@link #publish}. */
    private final Path live;
    private final long file;
    private final StorageOptions options;
    private long root = -1;
    private String name;
    private ValueWriter values;
    private long overview = -1;
    private RunTableWriter runTable;
    /** The explored values, one column per explored parameter; null until the trajectory is written. */
    private ExploredColumns explored;
    /** Summary columns of results and derived_parameters, opened or created when first needed. */
    private SummaryColumns summary;
    private final Set<String> runGroups = new TreeSet<>();
    /** Whether runs were committed to the file before (false only for a new file until its first commit). */
    private boolean committedBefore;
    /** How much the file grew in the largest commit so far: the estimate of what the next one needs. */
    private long largestCommitBytes = 1 << 20;

    private FileWriter(Path path, Path live, long file, StorageOptions options) {
        this.path = path;
        this.live = live;
        this.file = file;
        this.options = options;
    }

    /**
     * Creates a new sweep: the live file is created (a stale one from a killed writer is replaced: the
     * caller holds the lock); FILE.h5 appears at the first {@link #publish}. With {@code replace}, an
     * existing FILE.h5 stays as it is until that publication replaces it in one rename, so a kill while
     * the new trajectory is being stored leaves the old sweep whole.
     */
    static FileWriter create(Path path, StorageOptions options, boolean replace) {
        Hdf5.load();
        if (!replace && Files.exists(path)) {
            throw new StorageException(path + " already exists; resume it, or choose another file");
        }
        Path live = PublishedFile.liveOf(path);
        try {
            Files.deleteIfExists(live);
            long fapl = Hdf5.writerFileAccess();
            long fcpl = H5.H5Pcreate(HDF5Constants.H5P_FILE_CREATE);
            try {
                H5.H5Pset_file_space_strategy(fcpl, HDF5Constants.H5F_FSPACE_STRATEGY_NONE, false, 1);
                long file = H5.H5Fcreate(live.toString(), HDF5Constants.H5F_ACC_EXCL, fcpl, fapl);
                return new FileWriter(path, live, file, options);
            } finally {
                H5.H5Pclose(fcpl);
                H5.H5Pclose(fapl);
            }
        } catch (HDF5Exception | IOException e) {
            throw new StorageException("cannot create " + path + ": " + e.getMessage(), e);
        }
    }

    /** Makes FILE.h5 a copy of the live file as it is now (see {@link PublishedFile#publish}). */
    void publish() {
        PublishedFile.publish(path, live);
    }

    /**
     * Opens a sweep for appending. With {@code fromPublished} the live file is first made a copy of
     * FILE.h5 (resume: a live file left by a killed writer is discarded, whatever state it is in);
     * otherwise the live file is reopened as it is (after the writer closed it to empty its cache).
     */
    static FileWriter open(Path path, String trajectoryName, StorageOptions options, boolean fromPublished) {
        Hdf5.load();
        Path live = PublishedFile.liveOf(path);
        try {
            if (fromPublished) {
                Files.copy(path, live, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            long fapl = Hdf5.writerFileAccess();
            try {
                long file = H5.H5Fopen(live.toString(), HDF5Constants.H5F_ACC_RDWR, fapl);
                FileWriter w = new FileWriter(path, live, file, options);
                w.committedBefore = true; // perhaps not, but a column created later is then filled as it must be
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
        } catch (IOException e) {
            throw new StorageException("cannot copy " + path + " to " + live + ": " + e.getMessage(), e);
        }
    }

    /**
     * Metadata cache size above which the sink reopens the file to empty the cache. Small: a large cache
     * makes every operation slower (100,000 runs with a 100-double array each: 7-8 s at 256 MB, 4.5 s at
     * 16 MB, with no measurable cost to scalar sweeps; benchmarks/run storage).
     */
    static final long RECYCLE_CACHE_BYTES = 16L << 20;

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
            explored = ExploredColumns.open(overview);
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

    /** What {@link CrashRepair} needs of this writer. */
    ValueWriter values() {
        return values;
    }

    /** The overview group (open while the file is). */
    long overviewGroup() {
        return overview;
    }

    RunTableWriter runTable() {
        return runTable;
    }

    Set<String> runGroups() {
        return runGroups;
    }

    /** Repairs damaged run_set buckets after a crash (see {@link CrashRepair#repairBuckets}). */
    List<String> repairAfterCrash() throws HDF5Exception {
        List<String> repaired = CrashRepair.repairBuckets(this);
        if (!repaired.isEmpty()) {
            flush();
        }
        return repaired;
    }

    /** Opens a file for reading only and refuses it if a crash damaged its columns (see {@link CrashRepair}). */
    static void requireReadableColumns(Path path, String trajectoryName) {
        Hdf5.load();
        try {
            long fapl = Hdf5.writerFileAccess();
            long file;
            try {
                file = H5.H5Fopen(path.toString(), HDF5Constants.H5F_ACC_RDONLY, fapl);
            } finally {
                H5.H5Pclose(fapl);
            }
            try {
                CrashRepair.requireReadableColumns(file, trajectoryName, path);
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
            TreeWriter.write(values, values.group(b.groupName()), t.root(b), path);
        }
        writeExplored(t);
        flush();
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

    private void writeExplored(Trajectory t) throws HDF5Exception {
        if (explored == null) {
            explored = ExploredColumns.create(overview, t, options.deflateLevel());
        } else {
            explored.requireSameAs(t, path);
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
        summaries().grow(to);
        explored.append(t, from, to);
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
        summaries().write(sorted);
        runTable.writeTimes(sorted);
        flush();
        runTable.writeStatus(sorted);
        flush();
        committedBefore = true;
        largestCommitBytes = Math.max(largestCommitBytes, fileSize() - sizeBefore);
        return sorted;
    }

    private long fileSize() {
        try {
            return Files.size(live);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Refuses to start a commit that could leave less than the reserve free. */
    private void requireSpaceFor(int runs) {
        long free;
        try {
            free = Files.getFileStore(live.toAbsolutePath()).getUsableSpace();
        } catch (IOException e) {
            return; // the file store cannot say: write and let the library report a failure
        }
        long need = options.reserveBytes() + 2 * largestCommitBytes + fileSize(); // the publish copies the file
        if (free < need) {
            throw new DiskFullException(String.format("the disk of %s is nearly full: %.1f MB free, but storing %d more runs"
                    + " needs about %.1f MB (with a copy of the file to publish) plus the %.1f MB kept in reserve."
                    + " Stopped before writing, so the file is consistent and every completed run is kept; free some"
                    + " space and resume.",
                    path, free / 1e6, runs, (2 * largestCommitBytes + fileSize()) / 1e6, options.reserveBytes() / 1e6));
        }
    }

    /** The record, or a failed copy of it if a summary value cannot go into its column. */
    private RunRecord checked(RunRecord r) throws HDF5Exception {
        if (r.index() >= runTable.length()) {
            throw new StorageException("run " + r.index() + " is outside the " + runTable.length() + " runs of " + path);
        }
        for (RunValue v : r.values()) {
            if (v.summary()) {
                Column c = summaries().column(v, runTable.length(), committedBefore);
                if (c.type() != v.type()) {
                    String msg = "cannot store " + v.fullPath() + " of " + r.name() + ": it is " + v.type().label()
                            + " but the column holds " + c.type().label() + " (from earlier runs)";
                    return new RunRecord(r.index(), RunStatus.FAILED, r.startMillis(), r.durationNanos(), r.worker(),
                            msg, List.of());
                }
            } else if (r.index() >= Layout.MAX_RUNS_WITH_GROUPS) {
                String msg = String.format("cannot store %s of %s: per-run groups stop at run %,d (%s.runs holds"
                        + " at most %,d run_set groups of %,d runs); runs past it store scalar results only (summary"
                        + " columns): split the sweep into several files of at most %,d runs",
                        v.fullPath(), r.name(), Layout.MAX_RUNS_WITH_GROUPS - 1, v.branch().groupName(), Layout.MAX_CHILDREN,
                        Runs.RUNS_PER_SET, Layout.MAX_RUNS_WITH_GROUPS);
                return new RunRecord(r.index(), RunStatus.FAILED, r.startMillis(), r.durationNanos(), r.worker(),
                        msg, List.of());
            }
        }
        return r;
    }

    private void writeRunTree(RunRecord r) throws HDF5Exception {
        String runName = null;
        Set<String> cleared = null;
        for (RunValue v : r.values()) {
            if (v.summary()) {
                continue;
            }
            if (runName == null) {
                runName = Runs.name(r.index());
                cleared = new TreeSet<>();
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
            values.write(values.group(parent), segments.get(segments.size() - 1), v.type(), v.value(), v.comment(), v.unit());
        }
    }

    private void noteRunGroup(String prefix) throws HDF5Exception {
        if (runGroups.add(prefix)) {
            Hdf5.setStringAttribute(overview, Layout.ATTR_RUN_GROUPS, String.join(",", runGroups));
        }
    }

    private SummaryColumns summaries() throws HDF5Exception {
        if (summary == null) {
            summary = new SummaryColumns(values, options.deflateLevel());
            summary.openDoubleColumns(runTable.length());
        }
        return summary;
    }

    void flush() throws HDF5Exception {
        H5.H5Fflush(file, HDF5Constants.H5F_SCOPE_GLOBAL);
    }

    /** Closes, then puts the live file in place of FILE.h5 (or removes it if no trajectory was stored). */
    @Override
    public void close() throws HDF5Exception {
        closeLive();
        if (root >= 0) {
            PublishedFile.replaceWithLive(path, live);
        } else {
            PublishedFile.discardLive(live);
        }
    }

    /**
     * After a commit failed because the disk filled: the live file is half-written and worthless (resume
     * starts again from FILE.h5), so it is emptied first, which gives its space back, and then closed, so
     * the library's flush at close finds room and the library holds no broken file at exit (it crashed the
     * JVM there, exit 139). Then it is removed. FILE.h5 is not touched.
     */
    void abandon() {
        PublishedFile.emptyLive(live);
        try {
            closeLive();
        } catch (RuntimeException e) { // HDF5Exception is one
            // what was half-written stays half-written: nothing reads the live file
        }
        PublishedFile.discardLive(live);
    }

    /** Closes the live file and leaves it where it is (to reopen it with an empty cache). */
    void closeLive() throws HDF5Exception {
        try {
            if (values != null) {
                values.close();
            }
            if (summary != null) {
                summary.close();
            }
            if (explored != null) {
                explored.close();
            }
            if (runTable != null) {
                runTable.close();
            }
            if (overview >= 0) {
                H5.H5Gclose(overview);
            }
            if (root >= 0) {
                H5.H5Gclose(root);
            }
        } finally {
            H5.H5Fclose(file);
        }
    }
}
