package org.neurosweep.postprocess;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.Parameter;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.Trajectory;

/**
 * The failed runs of a sweep, stored or in memory: how many, which, and each one's explored values and
 * error.
 *
 * <pre>{@code
 * try (TrajectoryReader reader = TrajectoryReader.open(Path.of("sweep.h5"))) {
 *     FailedRuns failed = FailedRuns.of(reader);
 *     failed.first(5).forEach(System.err::println);   // run 2 (x=2, y=0): java.lang.IllegalStateException: ...
 * }
 * }</pre>
 *
 * <p>Made from a file, it reads the status column once (one byte per run); error texts are read only for
 * the runs asked for, so a few failures of a million-run sweep are cheap to show. The methods that give
 * errors read them from the file then: call them while the reader is open.
 */
public final class FailedRuns {
    /** Failed runs whose errors are read at once when going through them all. */
    private static final int BATCH = 1024;

    private final Trajectory trajectory;
    private final long runCount;
    private final long[] indices;
    private final Function<long[], Map<Long, String>> errors;

    private FailedRuns(Trajectory trajectory, long runCount, long[] indices, Function<long[], Map<Long, String>> errors) {
        this.trajectory = trajectory;
        this.runCount = runCount;
        this.indices = indices;
        this.errors = errors;
    }

    /** The failed runs of a stored sweep. */
    public static FailedRuns of(TrajectoryReader reader) {
        BitSet failed = reader.runsWithStatus(RunStatus.FAILED);
        return new FailedRuns(reader.trajectory(), reader.runCount(), failed.stream().asLongStream().toArray(), reader::errors);
    }

    /** The failed runs among these finished runs of a trajectory (e.g. an {@code InMemorySink}'s records). */
    public static FailedRuns of(Trajectory trajectory, Collection<RunRecord> records) {
        Map<Long, String> texts = new HashMap<>();
        for (RunRecord r : records) {
            if (r.status() == RunStatus.FAILED) {
                texts.put(r.index(), r.error());
            }
        }
        long[] indices = texts.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        return new FailedRuns(trajectory, trajectory.runCount(), indices, runs -> texts);
    }

    /** Runs in the sweep, failed or not. */
    public long runCount() {
        return runCount;
    }

    /** How many runs failed. */
    public int count() {
        return indices.length;
    }

    public boolean isEmpty() {
        return indices.length == 0;
    }

    /** The failed runs' indices, ascending. */
    public long[] indices() {
        return indices.clone();
    }

    /** The first {@code n} failed runs (fewer if fewer failed), by run index, with their values and errors. */
    public List<FailedRun> first(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n = " + n + " must be at least 0");
        }
        return details(Arrays.copyOf(indices, Math.min(n, indices.length)));
    }

    /** Every failed run, by run index, with its values and error (all in memory: see {@link #forEach} for many). */
    public List<FailedRun> all() {
        return details(indices);
    }

    /** Hands every failed run, by run index, to {@code action}, reading the errors of 1,024 runs at a time. */
    public void forEach(Consumer<FailedRun> action) {
        for (long[] batch : batches()) {
            details(batch).forEach(action);
        }
    }

    /** The failed runs' indices {@value #BATCH} at a time: no more error texts are held at once. */
    private List<long[]> batches() {
        List<long[]> out = new ArrayList<>();
        for (int from = 0; from < indices.length; from += BATCH) {
            out.add(Arrays.copyOfRange(indices, from, Math.min(indices.length, from + BATCH)));
        }
        return out;
    }

    /** These failed runs (indices from {@link #indices()}) with their values and errors. */
    private List<FailedRun> details(long[] runs) {
        Map<Long, String> texts = errors.apply(runs);
        List<Parameter> explored = trajectory.exploredParameters();
        List<FailedRun> out = new ArrayList<>(runs.length);
        for (long run : runs) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Parameter p : explored) {
                values.put(RunTable.shortName(trajectory, p), p.valueInRun(run));
            }
            out.add(new FailedRun(run, values, texts.getOrDefault(run, "")));
        }
        return out;
    }

    /**
     * These failed runs as a table: run, the explored parameters, then {@code error}, the error's first line
     * or, with {@code fullText}, all of it.
     */
    public RunTable table(List<FailedRun> runs, boolean fullText) {
        List<List<Object>> rows = new ArrayList<>(runs.size());
        runs.forEach(f -> rows.add(row(f, fullText)));
        return RunTable.of(columns(), rows);
    }

    /** Every failed run as a table (as {@link #table(List, boolean)}); only the texts shown are kept in memory. */
    public RunTable table(boolean fullText) {
        List<List<Object>> rows = new ArrayList<>(indices.length);
        forEach(f -> rows.add(row(f, fullText)));
        return RunTable.of(columns(), rows);
    }

    /** Every failed run as CSV, one row each, written as read (RFC 4180 quoting keeps a whole error in one cell). */
    public void writeCsv(Writer out, boolean fullText) throws IOException {
        RunTable.of(columns(), List.of()).writeCsv(out);
        for (long[] batch : batches()) {
            table(details(batch), fullText).writeCsvRows(out);
        }
    }

    private List<String> columns() {
        List<String> columns = new ArrayList<>();
        columns.add("run");
        trajectory.exploredParameters().forEach(p -> columns.add(RunTable.shortName(trajectory, p)));
        columns.add(RunTable.ERROR);
        return columns;
    }

    private static List<Object> row(FailedRun f, boolean fullText) {
        List<Object> row = new ArrayList<>(f.parameters().size() + 2);
        row.add(f.index());
        row.addAll(f.parameters().values());
        row.add(fullText ? f.error() : f.firstLine());
        return row;
    }

    /** {@code 3 of 12 runs failed}, or {@code no failed runs (12 runs)}. */
    @Override
    public String toString() {
        return isEmpty() ? "no failed runs (" + runCount + " runs)" : count() + " of " + runCount + " runs failed";
    }
}
