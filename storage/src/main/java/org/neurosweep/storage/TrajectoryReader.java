package org.neurosweep.storage;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neurosweep.trajectory.ArrayExploration;
import org.neurosweep.trajectory.Branch;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.RunValue;
import org.neurosweep.trajectory.Runs;
import org.neurosweep.trajectory.Trajectory;
import org.neurosweep.trajectory.ValueType;

/**
 * Reads a stored trajectory with pure-Java jHDF, lazily: opening the file and reading the parameters,
 * the run table or a summary column never touches the per-run groups; one run's values, or one summary
 * column, is one call.
 *
 * <p>While a writer holds the file, reading it is safe: what the writer's last commit flushed is read.
 */
public final class TrajectoryReader implements AutoCloseable {
    private final Path path;
    private final HdfFile file;
    private final Group root;
    private Trajectory trajectory;
    private ArrayExploration exploration;
    private FailureIndex failureIndex;
    private byte[] status;
    private boolean closed;
    /** The trajectory's name and creation time, to know the file opened again after close as the same trajectory. */
    private String identity;

    private TrajectoryReader(Path path, HdfFile file, Group root) {
        this.path = path;
        this.file = file;
        this.root = root;
    }

    /**
     * Opens a trajectory file and reads its tree (not the runs' values), so that a file that cannot be
     * read is refused here, in one clear sentence, rather than half-way through a command.
     *
     * @throws NotATrajectoryFileException if the file is not HDF5, holds no neurosweep trajectory, is
     *                                     truncated or is damaged
     */
    public static TrajectoryReader open(Path path) {
        HdfFile file = JhdfFile.open(path);
        try {
            JhdfFile.requireComplete(path, file);
            TrajectoryReader reader = new TrajectoryReader(path, file, JhdfFile.trajectoryRoot(path, file));
            reader.trajectory(); // the tree, the run table's length and the explored names: what every reader needs
            reader.runCount();
            reader.identity = reader.name() + " created " + reader.created();
            reader.reading(() -> {
                ChunkIndexCheck.requireSound(reader, file.size());
                return null;
            });
            return reader;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            JhdfFile.close(file);
            throw e instanceof StorageException s ? s : JhdfFile.unreadable(path, e);
        }
    }

    /**
     * Reads several files as one sweep, without changing them: shard files of one sweep ({@code run --shard K/N})
     * as that sweep, or whole sweeps of the same parameters one after another. Shards: their tree, run tables and
     * columns are gathered (compressed chunks copied, no value decoded) into a temporary file that {@link #close}
     * deletes, and a run's own groups are read from its shard's file ({@link ShardsInPlace}), never copied. Whole
     * sweeps are appended ({@link Merge}) into the temporary file. One file is opened as it is. Shards left out
     * leave their runs pending.
     *
     * @throws StorageException when the files cannot be read as one sweep (saying why)
     */
    public static TrajectoryReader open(List<Path> paths) {
        return paths.size() == 1 ? open(paths.get(0)) : Merge.readAsOne(paths);
    }

    /** Makes this reader, of a temporary merge of several files, delete it on close and read runs' groups in place. */
    void readsAsOne(Path temporaryFile, ShardsInPlace groupsInPlace) {
        this.temporary = temporaryFile;
        this.inPlace = groupsInPlace;
    }

    /** A failure to read this file (jHDF's, or a missing part), as the one-line error of an unreadable file. */
    NotATrajectoryFileException unreadable(RuntimeException e) {
        return JhdfFile.unreadable(path, e);
    }

    /**
     * Runs a read of the file: whatever a damaged file makes jHDF throw (its own exceptions, an
     * IllegalArgumentException, a buffer underflow, a negative or huge length, a cyclic structure) becomes
     * the one-line error of an unreadable file. Errors of ours, such as a run that does not exist, pass.
     */
    <T> T reading(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (StorageException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw JhdfFile.unreadable(path, e);
        }
    }

    public Path path() {
        return path;
    }

    public String name() {
        return reading(() -> Nodes.stringAttribute(root, Layout.ATTR_NAME));
    }

    public long seed() {
        return reading(() -> ((Number) root.getAttribute(Layout.ATTR_SEED).getData()).longValue());
    }

    public Instant created() {
        return reading(() -> Instant.parse(Nodes.stringAttribute(root, Layout.ATTR_CREATED)));
    }

    /** The neurosweep version that created the file. */
    public String neurosweepVersion() {
        return reading(() -> Nodes.stringAttribute(root, Layout.ATTR_VERSION));
    }

    /** The git commit of the working directory the sweep ran in, or null. */
    public String gitCommit() {
        return reading(() -> root.getAttribute(Layout.ATTR_GIT_COMMIT) == null ? null : Nodes.stringAttribute(root, Layout.ATTR_GIT_COMMIT));
    }

    /** The shard of a sweep this file holds ({@code run --shard K/N}), or empty for a whole sweep. */
    public Optional<Shard> shard() {
        return reading(() -> ShardAttributes.read(overview()));
    }

    /** The identity of the sweep a shard file belongs to ({@link Shard#sweepId}), or empty for a whole sweep. */
    public Optional<String> sweepId() {
        return reading(() -> Optional.ofNullable(ShardAttributes.sweepId(overview())));
    }

    /** The files and shards a merged file came from ({@code neurosweep merge}), or empty. */
    public Optional<String> mergedFrom() {
        return reading(() -> overview().getAttribute(ShardMerge.ATTR_MERGED_FROM) == null ? Optional.empty()
                : Optional.of(Nodes.stringAttribute(overview(), ShardMerge.ATTR_MERGED_FROM)));
    }

    /** Whether this reader reads several files as one ({@link #open(List)}) rather than one file. */
    public boolean isReadAsOne() {
        return temporary != null;
    }

    /** The number of runs in the run table. */
    public long runCount() {
        return reading(() -> runsColumn(Layout.COL_IDX).getDimensionsAsLong()[0]);
    }

    /** The explored parameters' names below {@code parameters}, in column order. */
    public List<String> exploredNames() {
        return reading(() -> {
            Node g = Nodes.child(overview(), Layout.EXPLORED);
            if (g == null) {
                return List.of();
            }
            String order = Nodes.stringAttribute(g, Layout.ATTR_ORDER);
            return order.isEmpty() ? List.of() : List.of(order.split(","));
        });
    }

    /** The stored trajectory: its tree and explored values (read when first used), without any run's results. */
    public synchronized Trajectory trajectory() {
        return reading(() -> {
            if (trajectory == null) {
                trajectory = TreeLoader.load(this);
            }
            return trajectory;
        });
    }

    Group root() {
        return root;
    }

    /** The explored values as an exploration whose columns are read when first needed (or at close). */
    synchronized ArrayExploration exploration() {
        if (exploration == null) {
            exploration = readExploration();
        }
        return exploration;
    }

    private ArrayExploration readExploration() {
        List<String> names = exploredNames();
        List<String> full = new ArrayList<>();
        List<ValueType> types = new ArrayList<>();
        Group g = (Group) Nodes.child(overview(), Layout.EXPLORED);
        for (String n : names) {
            full.add(Branch.PARAMETERS.groupName() + "." + n);
            types.add(ValueType.fromLabel(Nodes.stringAttribute(Nodes.child(g, n), Layout.ATTR_TYPE)));
        }
        long size = runCount();
        return new ArrayExploration(full, types, size, c -> nowOrReopened(r -> {
            try {
                Group explored = (Group) Nodes.child(r.overview(), Layout.EXPLORED);
                Object column = JhdfValues.column(GlobalHeapCheck.data((Dataset) Nodes.child(explored, names.get(c))), types.get(c));
                return java.lang.reflect.Array.getLength(column) == size ? column : truncated(column, size);
            } catch (StorageException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) { // read when first needed, perhaps deep inside a command: say which file
                throw JhdfFile.unreadable(path, e);
            }
        }));
    }

    /**
     * Reads with this reader while it is open; after {@link #close}, with the file opened again (it is
     * refused if it now holds another trajectory: another name or creation time).
     */
    private <T> T nowOrReopened(java.util.function.Function<TrajectoryReader, T> read) {
        synchronized (this) {
            if (!closed) {
                return read.apply(this);
            }
        }
        try (TrajectoryReader again = open(path)) {
            if (!again.identity.equals(identity)) {
                throw new StorageException(path + " was read before it was closed and now holds another trajectory ("
                        + again.identity + ", not " + identity + "): read what is needed before closing the reader");
            }
            return read.apply(again);
        }
    }

    /** The first {@code size} entries of a column (the file, opened again, has more runs than when first read). */
    private Object truncated(Object column, long size) {
        int n = java.lang.reflect.Array.getLength(column);
        if (n < size) {
            throw new StorageException(path + " now has " + n + " runs, fewer than the " + size + " it had when opened");
        }
        Object out = java.lang.reflect.Array.newInstance(column.getClass().getComponentType(), (int) size);
        System.arraycopy(column, 0, out, 0, (int) size);
        return out;
    }

    /** The layout version of the file ({@link Layout#FORMAT_VERSION} or older). */
    public int formatVersion() {
        return reading(() -> ((Number) root.getAttribute(Layout.ATTR_FORMAT_VERSION).getData()).intValue());
    }

    // ------------------------------------------------------------------ runs

    /**
     * The run table: the status codes now, start, duration, worker and errors when first asked for (after
     * this reader closed: from the file opened again).
     */
    public StoredRuns runTable() {
        byte[] codes = statusCodes();
        int n = codes.length;
        return new StoredRuns(codes,
                () -> nowOrReopened(r -> r.reading(() -> sized((long[]) runsData(r.runsColumn(Layout.COL_START)), n))),
                () -> nowOrReopened(r -> r.durations(codes)),
                () -> nowOrReopened(r -> sized(r.workers(), n)),
                () -> nowOrReopened(TrajectoryReader::errors));
    }

    @SuppressWarnings("unchecked")
    private <T> T sized(T column, int n) {
        return java.lang.reflect.Array.getLength(column) == n ? column : (T) truncated(column, n);
    }

    Object runsData(Dataset d) {
        try {
            return GlobalHeapCheck.data(d);
        } catch (HdfException e) {
            throw unreadable(e);
        }
    }

    /** The status codes of every run (read once per reader); a code outside the known ones is damage. */
    synchronized byte[] statusCodes() {
        if (status == null) {
            status = reading(() -> {
                byte[] codes = (byte[]) runsData(runsColumn(Layout.COL_STATUS));
                for (byte c : codes) {
                    if (c < 0 || c >= RunStatus.values().length) {
                        throw new NotATrajectoryFileException(path, "its run table is damaged: a status code " + c
                                + " (the codes are 0.." + (RunStatus.values().length - 1) + ")", null);
                    }
                }
                return codes;
            });
        }
        return status;
    }

    /** Durations in seconds (float32 in version 2, float64 in version 1); NaN for runs never stored. */
    private double[] durations(byte[] codes) {
        return RunReads.durations(this, codes);
    }

    /** Each run's worker ("" if never run). */
    private String[] workers() {
        return RunReads.workers(this);
    }

    /**
     * Reads every column in full (the run table, the failures, the explored values, the summary columns),
     * so that a damaged one is found now: resume reads them with jHDF before the HDF5 library touches them.
     */
    void readAllColumns() {
        StoredRuns table = runTable();
        table.start();
        table.duration();
        table.worker();
        table.errors();
        for (Branch b : new Branch[] {Branch.RESULTS, Branch.DERIVED_PARAMETERS}) {
            for (String name : summaryNames(b)) {
                summaryColumn(b, name);
            }
        }
        reading(() -> {
            exploration().loadAll();
            return null;
        });
    }

    /** The runs stored as completed. */
    public BitSet completedRuns() {
        return runsWithStatus(RunStatus.COMPLETED);
    }

    /** The runs stored with this status; reads the status column only (one byte per run). */
    public BitSet runsWithStatus(RunStatus wanted) {
        return reading(() -> {
            byte[] status = statusCodes();
            BitSet runs = new BitSet(status.length);
            for (int i = 0; i < status.length; i++) {
                if (status[i] == wanted.ordinal()) {
                    runs.set(i);
                }
            }
            return runs;
        });
    }

    /** The latest error text of each run that failed. */
    public Map<Long, String> errors() {
        return RunReads.errors(this);
    }

    /**
     * The latest error text of each of these runs that failed at least once. The texts of these runs only
     * are read, so listing a few failures of a million-run sweep stays cheap (the run index of every failed
     * attempt, eight bytes each, is read once per reader).
     */
    public Map<Long, String> errors(long[] runs) {
        return reading(() -> {
            try {
                return failureIndex().errors(runs);
            } catch (HdfException e) {
                throw unreadable(e);
            }
        });
    }

    private synchronized FailureIndex failureIndex() {
        if (failureIndex == null) {
            failureIndex = FailureIndex.read((Group) Nodes.child(overview(), Layout.FAILURES));
        }
        return failureIndex;
    }

    /** The names of the summary columns of a branch (results or derived_parameters), in the order runs first added them. */
    public List<String> summaryNames(Branch branch) {
        return RunReads.summaryNames(this, branch);
    }

    /** The unit of a summary result (from the run that first added it), "" if none. */
    public String summaryUnit(String name) {
        return reading(() -> Nodes.optionalString(summaryDataset(Branch.RESULTS, name), Layout.ATTR_UNIT));
    }

    /** The comment of a summary result (from the run that first added it), "" if none. */
    public String summaryComment(String name) {
        return reading(() -> Nodes.comment(summaryDataset(Branch.RESULTS, name)));
    }

    /** The summary column {@code results/summary/<name>}: {@code double[]}, {@code int[]}, {@code long[]}, {@code boolean[]} or {@code String[]}. */
    public Object summaryColumn(String name) {
        return reading(() -> summaryColumn(Branch.RESULTS, name));
    }

    public Object summaryColumn(Branch branch, String name) {
        return RunReads.summaryColumn(this, branch, name);
    }

    StorageException damagedColumn(Dataset d, HdfException e) {
        return new NotATrajectoryFileException(path, "its column " + d.getPath() + " is damaged (" + JhdfFile.brief(path, e)
                + "); its values are lost in this file", e);
    }

    /** One stored run: its row of the run table and every value it produced (none if it is not completed). */
    public RunRecord run(long index) {
        return RunReads.run(this, index);
    }

    /** Every value run {@code index} produced: its summary entries, then its per-run datasets. */
    public List<RunValue> runValues(long index) {
        return RunReads.runValues(this, index);
    }

    /** A summary column's entry for one run, without its value: its type, comment and unit (as the first run gave them). */
    RunValue summaryTemplate(Branch b, String name) {
        return RunReads.summaryTemplate(this, b, name);
    }

    /** The values run {@code index} stored in its own groups ({@code results.runs.run_set_...}), not its summary entries. */
    List<RunValue> runGroupValues(long index) {
        if (inPlace != null) {
            return inPlace.runGroupValues(index); // shards read as one: the runs' groups are in the shard files
        }
        return RunReads.runGroupValues(this, index);
    }

    // ------------------------------------------------------------------ helpers

    Node overview() {
        Node o = Nodes.child(root, Layout.OVERVIEW);
        if (o == null) {
            throw new NotATrajectoryFileException(path, "it has no " + Layout.OVERVIEW + " group; it was not written by neurosweep or"
                    + " is damaged", null);
        }
        return o;
    }

    Dataset runsColumn(String column) {
        Group runs = (Group) Nodes.child(overview(), Layout.RUNS);
        return (Dataset) Nodes.child(runs, column);
    }

    Node summaryGroup(Branch branch) {
        Node b = Nodes.child(root, branch.groupName());
        return b == null ? null : Nodes.child(b, Layout.SUMMARY);
    }

    Dataset summaryDataset(Branch branch, String name) {
        Node g = summaryGroup(branch);
        Node d = g == null ? null : Nodes.child(g, name);
        if (!(d instanceof Dataset ds)) {
            throw new StorageException(path + " has no summary column '" + name + "' in " + branch.groupName()
                    + "; columns: " + summaryNames(branch));
        }
        return ds;
    }

    /** A node by slash path below the trajectory root, or null. */
    Node find(String slashPath) {
        Node n = root;
        for (String s : slashPath.split("/")) {
            n = Nodes.child(n, s);
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    /**
     * Closes the file. A trajectory or run table handed out before stays usable: what it has not read yet
     * (explored values, start/duration/worker columns) is read, when first needed, from the file opened
     * again, which is refused if it then holds another trajectory.
     */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            JhdfFile.close(file);
            if (inPlace != null) {
                inPlace.close();
            }
            if (temporary != null) {
                Merge.deleteTemporary(temporary);
            }
        }
    }

    /** The merged file of several shards read as one ({@link #open(List)}), deleted on close; null otherwise. */
    private Path temporary;
    /** Shards read as one: where the runs' own groups are read; null otherwise. */
    private ShardsInPlace inPlace;
}
