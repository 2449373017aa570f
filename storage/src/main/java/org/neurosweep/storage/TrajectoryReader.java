package org.neurosweep.storage;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
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
        if (paths.size() == 1) {
            return open(paths.get(0));
        }
        Path tmp;
        try {
            Path dir = Files.createTempDirectory("neurosweep-shards-");
            tmp = dir.resolve(paths.get(0).getFileName().toString().replaceAll("\\.h5$", "") + "+" + (paths.size() - 1) + ".h5");
        } catch (java.io.IOException e) {
            throw new StorageException("cannot make a temporary file to read " + paths.size() + " shards as one: " + e.getMessage(), e);
        }
        try {
            ShardsInPlace inPlace = Merge.forReading(tmp, paths);
            try {
                TrajectoryReader r = open(tmp);
                r.temporary = tmp;
                r.inPlace = inPlace;
                return r;
            } catch (RuntimeException e) {
                if (inPlace != null) {
                    inPlace.close();
                }
                throw e;
            }
        } catch (RuntimeException e) {
            deleteTemporary(tmp);
            throw e;
        }
    }

    private static void deleteTemporary(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(tmp.getParent());
        } catch (java.io.IOException e) {
            // the system's temporary directory is cleaned by the system
        }
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

    private long[] sized(long[] a, int n) {
        return a.length == n ? a : (long[]) truncated(a, n);
    }

    private String[] sized(String[] a, int n) {
        return a.length == n ? a : (String[]) truncated(a, n);
    }

    private Object runsData(Dataset d) {
        try {
            return GlobalHeapCheck.data(d);
        } catch (HdfException e) {
            throw unreadable(e);
        }
    }

    /** The status codes of every run (read once per reader); a code outside the known ones is damage. */
    private synchronized byte[] statusCodes() {
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
        return reading(() -> {
            Object data = runsData(runsColumn(Layout.COL_DURATION));
            int n = codes.length;
            double[] out = new double[n];
            if (data instanceof float[] f) {
                requireLength(f.length, n, Layout.COL_DURATION);
                for (int i = 0; i < n; i++) {
                    out[i] = f[i];
                }
            } else {
                double[] d = (double[]) data;
                requireLength(d.length, n, Layout.COL_DURATION);
                System.arraycopy(d, 0, out, 0, n);
            }
            for (int i = 0; i < n; i++) {
                if (codes[i] == RunStatus.PENDING.ordinal() || codes[i] == RunStatus.RUNNING.ordinal()) {
                    out[i] = Double.NaN; // jHDF reads a chunk never written as zeros
                }
            }
            return out;
        });
    }

    private void requireLength(int length, int runs, String column) {
        if (length < runs) {
            throw new NotATrajectoryFileException(path, "its run table is damaged: " + column + " has " + length
                    + " entries for " + runs + " runs", null);
        }
    }

    /** Each run's worker ("" if never run): version 2 stores int16 codes into overview/workers, version 1 the names. */
    private String[] workers() {
        return reading(() -> {
            Dataset column = runsColumn(Layout.COL_WORKER);
            Object data = GlobalHeapCheck.data(column);
            if (data instanceof String[] names) {
                return names;
            }
            String[] names = workerNames();
            short[] codes = (short[]) data;
            String[] out = new String[codes.length];
            for (int i = 0; i < codes.length; i++) {
                int c = codes[i];
                if (c < 0 || c >= names.length) {
                    throw new NotATrajectoryFileException(path, "its run table is damaged: run " + i + " has worker code " + c
                            + " but " + Layout.OVERVIEW + "/" + Layout.WORKERS + " holds " + names.length + " names", null);
                }
                out[i] = names[c];
            }
            return out;
        });
    }

    private String[] workerNames() {
        Node n = Nodes.child(overview(), Layout.WORKERS);
        if (!(n instanceof Dataset d)) {
            throw new NotATrajectoryFileException(path, "it lacks " + Layout.OVERVIEW + "/" + Layout.WORKERS
                    + ", the worker names its run table's codes refer to", null);
        }
        return (String[]) JhdfValues.column(GlobalHeapCheck.data(d), ValueType.STRING);
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
        return reading(() -> {
            Map<Long, String> out = new HashMap<>();
            try {
                Group failures = (Group) Nodes.child(overview(), Layout.FAILURES);
                Dataset idxColumn = (Dataset) Nodes.child(failures, Layout.COL_IDX);
                if (!idxColumn.isEmpty()) {
                    long[] idx = (long[]) idxColumn.getData();
                    String[] text = (String[]) JhdfValues.column(GlobalHeapCheck.data((Dataset) Nodes.child(failures, Layout.COL_ERROR)),
                            ValueType.STRING);
                    for (int i = 0; i < idx.length; i++) {
                        out.put(idx[i], text[i]);
                    }
                }
            } catch (HdfException e) {
                throw unreadable(e);
            }
            return out;
        });
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
        return reading(() -> {
            Node g = summaryGroup(branch);
            if (g == null) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            try {
                TreeLoader.inInsertionOrder((Group) g).forEach(n -> names.add(n.getName()));
            } catch (HdfException e) {
                throw unreadable(e);
            }
            return names;
        });
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
        return reading(() -> {
            Dataset d = summaryDataset(branch, name);
            Object column;
            try {
                column = JhdfValues.column(GlobalHeapCheck.data(d), ValueType.fromLabel(Nodes.stringAttribute(d, Layout.ATTR_TYPE)));
            } catch (HdfException e) {
                throw damagedColumn(d, e);
            }
            if (column instanceof double[] values) {
                // a run not completed holds the fill value, NaN; jHDF reads a chunk never written (runs never stored) as zeros
                byte[] codes = statusCodes();
                for (int i = 0; i < Math.min(values.length, codes.length); i++) {
                    if (codes[i] != RunStatus.COMPLETED.ordinal()) {
                        values[i] = Double.NaN;
                    }
                }
            }
            return column;
        });
    }

    private StorageException damagedColumn(Dataset d, HdfException e) {
        return new NotATrajectoryFileException(path, "its column " + d.getPath() + " is damaged (" + JhdfFile.brief(path, e)
                + "); its values are lost in this file", e);
    }

    /** One stored run: its row of the run table and every value it produced (none if it is not completed). */
    public RunRecord run(long index) {
        return reading(() -> {
            long n = runCount();
            if (index < 0 || index >= n) {
                throw new StorageException("run " + index + " does not exist; " + path + " holds runs 0.." + (n - 1));
            }
            byte code = ((byte[]) slice(runsColumn(Layout.COL_STATUS), index))[0];
            RunStatus status = RunStatus.values()[code];
            long start = ((long[]) slice(runsColumn(Layout.COL_START), index))[0];
            Object d = slice(runsColumn(Layout.COL_DURATION), index);
            double duration = status == RunStatus.PENDING || status == RunStatus.RUNNING ? Double.NaN
                    : d instanceof float[] f ? f[0] : ((double[]) d)[0];
            Object w = slice(runsColumn(Layout.COL_WORKER), index);
            String worker;
            if (w instanceof String[] names) {
                worker = names[0];
            } else {
                int workerCode = ((short[]) w)[0];
                String[] names = workerNames();
                if (workerCode < 0 || workerCode >= names.length) {
                    throw new NotATrajectoryFileException(path, "its run table is damaged: run " + index + " has worker code "
                            + workerCode + " but " + Layout.OVERVIEW + "/" + Layout.WORKERS + " holds " + names.length + " names", null);
                }
                worker = names[workerCode];
            }
            String error = status == RunStatus.FAILED ? errors(new long[] {index}).getOrDefault(index, "") : "";
            List<RunValue> values = status == RunStatus.COMPLETED ? runValues(index) : List.of();
            long nanos = Double.isNaN(duration) ? 0 : d instanceof float[] ? Math.round((float) duration * 1e9) : Math.round(duration * 1e9);
            return new RunRecord(index, status, start, nanos, worker, error, values);
        });
    }

    /** Every value run {@code index} produced: its summary entries, then its per-run datasets. */
    public List<RunValue> runValues(long index) {
        return reading(() -> {
            List<RunValue> out = new ArrayList<>();
            for (Branch b : new Branch[] {Branch.RESULTS, Branch.DERIVED_PARAMETERS}) {
                for (String name : summaryNames(b)) {
                    Dataset d = summaryDataset(b, name);
                    ValueType type = ValueType.fromLabel(Nodes.stringAttribute(d, Layout.ATTR_TYPE));
                    Object value;
                    try {
                        value = JhdfValues.element(slice(d, index), 0, type);
                    } catch (HdfException e) {
                        throw damagedColumn(d, e);
                    }
                    out.add(new RunValue(b, name, type, value, Nodes.comment(d), true, Nodes.optionalString(d, Layout.ATTR_UNIT)));
                }
            }
            out.addAll(runGroupValues(index));
            return out;
        });
    }

    /** A summary column's entry for one run, without its value: its type, comment and unit (as the first run gave them). */
    RunValue summaryTemplate(Branch b, String name) {
        return reading(() -> {
            Dataset d = summaryDataset(b, name);
            ValueType type = ValueType.fromLabel(Nodes.stringAttribute(d, Layout.ATTR_TYPE));
            return new RunValue(b, name, type, null, Nodes.comment(d), true, Nodes.optionalString(d, Layout.ATTR_UNIT));
        });
    }

    /** The values run {@code index} stored in its own groups ({@code results.runs.run_set_...}), not its summary entries. */
    List<RunValue> runGroupValues(long index) {
        if (inPlace != null) {
            return inPlace.runGroupValues(index); // shards read as one: the runs' groups are in the shard files
        }
        return reading(() -> {
            List<RunValue> out = new ArrayList<>();
            Node overview = overview();
            Attribute groups = overview.getAttribute(Layout.ATTR_RUN_GROUPS);
            if (groups != null) {
                for (String prefix : ((String) GlobalHeapCheck.data(groups)).split(",")) {
                    String runPath = prefix + "/" + Runs.setName(index) + "/" + Runs.name(index);
                    try {
                        Node runGroup = find(runPath);
                        if (runGroup instanceof Group g) {
                            Branch b = Branch.byGroupName(prefix.substring(0, prefix.indexOf('/')));
                            String dotted = runPath.substring(prefix.indexOf('/') + 1).replace('/', '.');
                            collect(b, dotted, g, out);
                        }
                    } catch (HdfException e) {
                        throw new NotATrajectoryFileException(path, "the values of run " + index + " are damaged (a"
                                + " run_set bucket below " + prefix + "); 'neurosweep resume' repairs the file and runs that"
                                + " bucket again", e);
                    }
                }
            }
            return out;
        });
    }

    private void collect(Branch b, String dotted, Group g, List<RunValue> out) {
        for (Node n : Nodes.children(g).values()) {
            String p = dotted + "." + n.getName();
            if (n instanceof Group sub) {
                collect(b, p, sub, out);
            } else {
                Dataset d = (Dataset) n;
                ValueType type = JhdfValues.typeOf(d);
                out.add(new RunValue(b, p, type, JhdfValues.value(d, type), Nodes.comment(d), false,
                        Nodes.optionalString(d, Layout.ATTR_UNIT)));
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static Object slice(Dataset d, long index) {
        return GlobalHeapCheck.data(d, new long[] {index}, new int[] {1});
    }

    private Node overview() {
        Node o = Nodes.child(root, Layout.OVERVIEW);
        if (o == null) {
            throw new NotATrajectoryFileException(path, "it has no " + Layout.OVERVIEW + " group; it was not written by neurosweep or"
                    + " is damaged", null);
        }
        return o;
    }

    private Dataset runsColumn(String column) {
        Group runs = (Group) Nodes.child(overview(), Layout.RUNS);
        return (Dataset) Nodes.child(runs, column);
    }

    private Node summaryGroup(Branch branch) {
        Node b = Nodes.child(root, branch.groupName());
        return b == null ? null : Nodes.child(b, Layout.SUMMARY);
    }

    private Dataset summaryDataset(Branch branch, String name) {
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
                deleteTemporary(temporary);
            }
        }
    }

    /** The merged file of several shards read as one ({@link #open(List)}), deleted on close; null otherwise. */
    private Path temporary;
    /** Shards read as one: where the runs' own groups are read; null otherwise. */
    private ShardsInPlace inPlace;
}
