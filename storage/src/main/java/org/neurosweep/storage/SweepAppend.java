package org.neurosweep.storage;

import static hdf.hdf5lib.HDF5Constants.H5P_DEFAULT;

import hdf.hdf5lib.H5;
import hdf.hdf5lib.HDF5Constants;
import hdf.hdf5lib.exceptions.HDF5Exception;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.neurosweep.trajectory.ArrayExploration;
import org.neurosweep.trajectory.Branch;
import org.neurosweep.trajectory.Leaf;
import org.neurosweep.trajectory.Parameter;
import org.neurosweep.trajectory.RunRecord;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.RunValue;
import org.neurosweep.trajectory.Runs;
import org.neurosweep.trajectory.Trajectory;
import org.neurosweep.trajectory.ValueType;

/**
 * pypet's {@code f_merge} for different sweeps of one model: whole trajectories with the same parameters (names
 * and types) are appended, the second's runs after the first's with new indices, and so on. The merged
 * trajectory explores every parameter explored in any input, and every parameter whose value differs between
 * inputs, so that each run keeps the parameter point it ran with (an input that did not explore a parameter
 * contributes its value to each of its runs). With {@code removeDuplicates}, as pypet's
 * {@code remove_duplicates}, a run whose parameter point an earlier input already holds is left out.
 *
 * <p>Runs are re-written through the ordinary writer ({@link Hdf5Sink}) into {@code OUT.merging}, which is
 * renamed into place only when whole: a merge killed midway leaves no {@code OUT}. Inputs are opened read-only.
 * The first input gives the merged file its name, seed, config and trajectory-level results; {@code merged_from}
 * on overview records where each input's runs went and each input's seed (a run's seed derives from its sweep's
 * seed and its index in that sweep).
 */
final class SweepAppend {
    private SweepAppend() {
    }

    /** One input: its reader, and which of its runs the merge keeps (all but duplicates). */
    private record Input(Path path, TrajectoryReader reader, BitSet kept, long firstIndex) {
    }

    /** Appends the sweeps {@link Merge} opened ({@code readers}, of {@code paths}) into {@code out}. */
    static Merge.Outcome append(Path out, List<Path> paths, List<TrajectoryReader> readers, boolean removeDuplicates) {
        Trajectory first = readers.get(0).trajectory();
        for (int i = 1; i < readers.size(); i++) {
            requireSameStructure(paths.get(0), first, readers.get(0), paths.get(i), readers.get(i).trajectory(), readers.get(i));
        }
        List<Parameter> explored = mergedExplored(readers);
        List<Input> inputs = keptRuns(paths, readers, explored, removeDuplicates);
        long total = inputs.stream().mapToLong(in -> in.kept.cardinality()).sum();
        if (total > Integer.MAX_VALUE) {
            throw new MergeException("the inputs hold " + total + " runs together, more than one file holds ("
                    + Integer.MAX_VALUE + ")");
        }
        Trajectory merged = TreeLoader.tree(readers.get(0));
        if (explored.isEmpty() && total > 1) { // sweeps of one point each, the same: its first parameter tells the runs apart
            List<Leaf> params = first.leaves(Branch.PARAMETERS);
            if (params.isEmpty()) {
                throw new MergeException(paths.get(0) + " and the others have no parameters, so their runs cannot be"
                        + " explored as one sweep");
            }
            explored = List.of(first.parameter(params.get(0).fullPath()));
        }
        if (!explored.isEmpty()) {
            merged.explore(exploration(explored, inputs, (int) total));
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".merging");
        try {
            Merge.deleteLeftovers(tmp);
            Hdf5Sink sink = Hdf5Sink.create(tmp);
            try (sink) {
                sink.begin(merged);
                for (Input in : inputs) {
                    copyRuns(in, sink);
                }
            }
            long completed = sink.completedCount(); // once closed: every run written
            markMerged(tmp, merged.name(), inputs);
            PublishedFile.replaceWithLive(out, tmp);
            List<String> notes = new ArrayList<>();
            for (Input in : inputs) {
                long left = in.reader.runCount() - in.kept.cardinality();
                if (left > 0) {
                    notes.add(left + " run" + (left == 1 ? "" : "s") + " of " + in.path + " left out as duplicates");
                }
            }
            String summary = "appended " + inputs.size() + " sweeps into " + out + ": " + total + " runs, " + completed + " completed";
            return new Merge.Outcome(inputs.size(), total, completed, notes, summary);
        } catch (HDF5Exception e) {
            Merge.deleteLeftovers(tmp);
            throw new MergeException("writing " + out + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            Merge.deleteLeftovers(tmp);
            throw e instanceof StorageException s ? s : new MergeException("writing " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses inputs whose parameters differ from the first's, naming the first difference: a parameter one has
     * and the other lacks, or one stored with another type; and summary columns of one name but different types.
     */
    private static void requireSameStructure(Path aPath, Trajectory a, TrajectoryReader aReader, Path bPath, Trajectory b,
            TrajectoryReader bReader) {
        Map<String, ValueType> aParams = parameterTypes(a);
        Map<String, ValueType> bParams = parameterTypes(b);
        for (Map.Entry<String, ValueType> e : aParams.entrySet()) {
            ValueType other = bParams.get(e.getKey());
            if (other == null) {
                throw different(aPath, bPath, aPath + " has the parameter " + e.getKey() + " (" + e.getValue().label() + "), "
                        + bPath + " has not");
            }
            if (other != e.getValue()) {
                throw different(aPath, bPath, "the parameter " + e.getKey() + " is " + e.getValue().label() + " in " + aPath
                        + " but " + other.label() + " in " + bPath);
            }
        }
        for (Map.Entry<String, ValueType> e : bParams.entrySet()) {
            if (!aParams.containsKey(e.getKey())) {
                throw different(aPath, bPath, bPath + " has the parameter " + e.getKey() + " (" + e.getValue().label() + "), "
                        + aPath + " has not");
            }
        }
        for (Branch br : new Branch[] {Branch.RESULTS, Branch.DERIVED_PARAMETERS}) {
            List<String> bNames = bReader.summaryNames(br);
            for (String name : aReader.summaryNames(br)) {
                if (bNames.contains(name)) {
                    ValueType ta = aReader.summaryTemplate(br, name).type();
                    ValueType tb = bReader.summaryTemplate(br, name).type();
                    if (ta != tb) {
                        throw different(aPath, bPath, "the summary column " + br.groupName() + ".summary." + name + " is "
                                + ta.label() + " in " + aPath + " but " + tb.label() + " in " + bPath);
                    }
                }
            }
        }
    }

    private static StorageException different(Path a, Path b, String first) {
        return new MergeException(b + " is not a sweep of the same parameters as " + a + ": " + first
                + " (only trajectories with the same parameter names and types can be merged)");
    }

    private static Map<String, ValueType> parameterTypes(Trajectory t) {
        Map<String, ValueType> out = new LinkedHashMap<>();
        for (Leaf l : t.leaves(Branch.PARAMETERS)) {
            out.put(l.fullPath(), l.type());
        }
        return out;
    }

    /**
     * The merged trajectory's explored parameters: the first input's, in its order; then those other inputs explore;
     * then those whose value differs between inputs, in the tree's order.
     */
    private static List<Parameter> mergedExplored(List<TrajectoryReader> readers) {
        Set<String> names = new LinkedHashSet<>();
        for (TrajectoryReader r : readers) {
            r.trajectory().exploredParameters().forEach(p -> names.add(p.fullPath()));
        }
        Trajectory first = readers.get(0).trajectory();
        for (Leaf l : first.leaves(Branch.PARAMETERS)) {
            for (TrajectoryReader r : readers) {
                if (!Objects.deepEquals(r.trajectory().parameter(l.fullPath()).value(), l.value())) {
                    names.add(l.fullPath());
                }
            }
        }
        List<Parameter> out = new ArrayList<>();
        names.forEach(n -> out.add(first.parameter(n)));
        return out;
    }

    /** Each input's runs to keep: all of them, or (removeDuplicates) those whose point no earlier input holds. */
    private static List<Input> keptRuns(List<Path> paths, List<TrajectoryReader> readers, List<Parameter> explored,
            boolean removeDuplicates) {
        Set<List<Object>> seen = new HashSet<>();
        List<Input> out = new ArrayList<>();
        long next = 0;
        for (int i = 0; i < readers.size(); i++) {
            TrajectoryReader r = readers.get(i);
            long n = r.runCount();
            BitSet kept = new BitSet();
            List<List<Object>> points = new ArrayList<>();
            Parameter[] own = own(r.trajectory(), explored);
            for (long run = 0; run < n; run++) {
                List<Object> point = removeDuplicates ? point(own, run) : null;
                if (removeDuplicates && i > 0 && seen.contains(point)) {
                    continue;
                }
                kept.set((int) run);
                points.add(point);
            }
            if (removeDuplicates) {
                seen.addAll(points); // an input's own repeated points are its sweep's, and kept
                if (kept.isEmpty()) {
                    throw new MergeException("with --remove-duplicates, every run of " + paths.get(i) + " explores a parameter"
                            + " point an earlier input already holds; nothing of it would be merged (leave it out)");
                }
            }
            out.add(new Input(paths.get(i), r, kept, next));
            next += kept.cardinality();
        }
        return out;
    }

    /** An input's own parameters of the merged explored ones, looked up once per input. */
    private static Parameter[] own(Trajectory t, List<Parameter> explored) {
        Parameter[] own = new Parameter[explored.size()];
        for (int c = 0; c < own.length; c++) {
            own[c] = t.parameter(explored.get(c).fullPath());
        }
        return own;
    }

    /** A run's values of the merged explored parameters (a parameter the input does not explore: its value). */
    private static List<Object> point(Parameter[] own, long run) {
        List<Object> p = new ArrayList<>(own.length);
        for (Parameter o : own) {
            p.add(o.isExplored() ? o.valueInRun(run) : o.value());
        }
        return p;
    }

    /** The explored values of the kept runs, input after input, one array per parameter. */
    private static ArrayExploration exploration(List<Parameter> explored, List<Input> inputs, int total) {
        List<String> names = new ArrayList<>();
        List<ValueType> types = new ArrayList<>();
        Object[] columns = new Object[explored.size()];
        for (int c = 0; c < explored.size(); c++) {
            Parameter p = explored.get(c);
            names.add(p.fullPath());
            types.add(p.type());
            columns[c] = Array.newInstance(elementClass(p), total);
        }
        int at = 0;
        for (Input in : inputs) {
            Parameter[] own = own(in.reader.trajectory(), explored);
            for (int run = in.kept.nextSetBit(0); run >= 0; run = in.kept.nextSetBit(run + 1)) {
                List<Object> point = point(own, run);
                for (int c = 0; c < columns.length; c++) {
                    Array.set(columns[c], at, point.get(c));
                }
                at++;
            }
        }
        return new ArrayExploration(names, types, total, c -> columns[c]);
    }

    private static Class<?> elementClass(Parameter p) {
        return switch (p.type()) {
            case BOOLEAN -> boolean.class;
            case INT -> int.class;
            case LONG -> long.class;
            case DOUBLE -> double.class;
            case STRING -> String.class;
            default -> throw new MergeException("the parameter " + p.fullPath() + " (" + p.type().label() + ") has"
                    + " different values in the inputs, but an array parameter cannot be explored, so these sweeps cannot be"
                    + " merged into one");
        };
    }

    /** Writes an input's kept completed and failed runs (pending runs stay pending) under their new indices. */
    private static void copyRuns(Input in, Hdf5Sink sink) {
        TrajectoryReader r = in.reader;
        StoredRuns table = r.runTable();
        List<RunValue> templates = new ArrayList<>();
        List<Object> columns = new ArrayList<>();
        for (Branch b : new Branch[] {Branch.RESULTS, Branch.DERIVED_PARAMETERS}) {
            for (String name : r.summaryNames(b)) {
                templates.add(r.summaryTemplate(b, name));
                columns.add(r.summaryColumn(b, name));
            }
        }
        Map<Long, List<String>> failures = attempts(in.path, r.name());
        long index = in.firstIndex;
        for (int run = in.kept.nextSetBit(0); run >= 0; run = in.kept.nextSetBit(run + 1), index++) {
            RunStatus status = table.status(run);
            if (status != RunStatus.COMPLETED && status != RunStatus.FAILED) {
                continue;
            }
            List<String> attempts = failures.getOrDefault((long) run, List.of());
            boolean failed = status == RunStatus.FAILED && !attempts.isEmpty(); // a failed run's last attempt: its record's error
            for (String error : attempts.subList(0, failed ? attempts.size() - 1 : attempts.size())) {
                sink.accept(new RunRecord(index, RunStatus.FAILED, table.start()[run], 0, table.worker()[run], error, List.of()));
            }
            List<RunValue> values = new ArrayList<>();
            if (status == RunStatus.COMPLETED) {
                for (int c = 0; c < templates.size(); c++) {
                    RunValue t = templates.get(c);
                    values.add(new RunValue(t.branch(), t.path(), t.type(), Array.get(columns.get(c), run), t.comment(), true, t.unit()));
                }
                for (RunValue v : r.runGroupValues(run)) {
                    values.add(new RunValue(v.branch(), renamed(v.path(), run, index), v.type(), v.value(), v.comment(), false, v.unit()));
                }
            }
            double seconds = table.duration()[run];
            long nanos = Double.isNaN(seconds) ? 0 : Math.round(seconds * 1e9);
            String error = failed ? attempts.get(attempts.size() - 1) : "";
            sink.accept(new RunRecord(index, status, table.start()[run], nanos, table.worker()[run], error, values));
        }
    }

    /** Each run's failed attempts in order, so that a run that failed and completed when resumed keeps its history. */
    private static Map<Long, List<String>> attempts(Path file, String rootName) {
        ShardMerge.Attempts a = ShardMerge.attempts(file, rootName);
        Map<Long, List<String>> out = new java.util.HashMap<>();
        for (int i = 0; i < a.idx().length; i++) {
            out.computeIfAbsent(a.idx()[i], k -> new ArrayList<>()).add(a.error()[i]);
        }
        return out;
    }

    /** A per-run value's path ({@code runs.run_set_00000.run_00000003.x}) with the run's new index. */
    private static String renamed(String path, long from, long to) {
        String old = "." + Runs.setName(from) + "." + Runs.name(from) + ".";
        int at = path.indexOf(old);
        if (at < 0) {
            throw new MergeException("the per-run value " + path + " is not below run " + from + "'s group");
        }
        return path.substring(0, at) + "." + Runs.setName(to) + "." + Runs.name(to) + "." + path.substring(at + old.length());
    }

    /** {@code merged_from} on overview: each input, its seed, and where its runs went. */
    private static void markMerged(Path file, String rootName, List<Input> inputs) throws HDF5Exception {
        StringBuilder sb = new StringBuilder();
        for (Input in : inputs) {
            long kept = in.kept.cardinality();
            sb.append(sb.length() == 0 ? "" : "; ").append(in.path.getFileName()).append(" (sweep ").append(in.reader.name())
                    .append(", seed ").append(in.reader.seed()).append(", ").append(in.reader.runCount()).append(" runs")
                    .append(kept < in.reader.runCount() ? ", " + (in.reader.runCount() - kept) + " duplicates left out" : "")
                    .append(": now runs ").append(in.firstIndex).append("..").append(in.firstIndex + kept - 1).append(')');
        }
        Hdf5.load();
        long f = H5.H5Fopen(file.toString(), HDF5Constants.H5F_ACC_RDWR, H5P_DEFAULT);
        try {
            long overview = H5.H5Gopen(f, rootName + "/" + Layout.OVERVIEW, H5P_DEFAULT);
            try {
                Hdf5.setStringAttribute(overview, ShardMerge.ATTR_MERGED_FROM, sb.toString());
            } finally {
                H5.H5Gclose(overview);
            }
        } finally {
            H5.H5Fflush(f, HDF5Constants.H5F_SCOPE_GLOBAL);
            H5.H5Fclose(f);
        }
    }
}
