package org.neurosweep.storage;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.neurosweep.trajectory.Parameter;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.Trajectory;
import org.neurosweep.trajectory.ValueType;

/**
 * The stored tree as text lines: groups, datasets with type and shape, parameter values and explored
 * ranges. Values are shown as they are: all of them when few, otherwise a summary true of every element
 * (counts per run status, min..max). {@code run_set} buckets are summarised unless listed explicitly, so a
 * million-run file lists in a moment; per-run groups are listed by name.
 */
public final class TreeListing {
    private TreeListing() {
    }

    /**
     * Lines describing the node at {@code path} (slash- or dot-separated, relative to the trajectory root;
     * empty for the whole trajectory).
     */
    public static List<String> list(TrajectoryReader reader, String path) {
        return listing(reader, path).lines();
    }

    /**
     * The lines describing the node at {@code path}, and the parts below it that cannot be read (each
     * also listed in its place as "cannot be read").
     */
    public record Listing(List<String> lines, List<String> damaged) {
    }

    public static Listing listing(TrajectoryReader reader, String path) {
        return reader.reading(() -> {
            List<String> damaged = new ArrayList<>();
            return new Listing(lines(reader, path, damaged), damaged);
        });
    }

    private static List<String> lines(TrajectoryReader reader, String path, List<String> damaged) {
        List<String> out = new ArrayList<>();
        String p = path == null ? "" : path.replace('.', '/').replaceAll("^/+|/+$", "");
        Node node = p.isEmpty() ? reader.root() : reader.find(p);
        if (node == null) {
            throw new StorageException("no '" + path + "' in " + reader.path() + "; try a path such as parameters or results/summary");
        }
        if (p.isEmpty()) {
            StoredRuns runs = reader.runTable();
            long[] counts = runs.countByStatus();
            out.add(String.format("%s  seed %d, %d runs: %d completed, %d failed, %d pending", reader.name(), reader.seed(),
                    runs.size(), counts[RunStatus.COMPLETED.ordinal()], counts[RunStatus.FAILED.ordinal()],
                    counts[RunStatus.PENDING.ordinal()] + counts[RunStatus.RUNNING.ordinal()]));
            out.add("  created " + reader.created() + " by neurosweep " + reader.neurosweepVersion()
                    + (reader.gitCommit() == null ? "" : ", git " + reader.gitCommit()));
            reader.shard().ifPresent(shard -> out.add("  " + shard.describe() + " (sweep id "
                    + reader.sweepId().map(id -> id.substring(0, Math.min(12, id.length()))).orElse("?") + ")"));
            reader.mergedFrom().ifPresent(from -> out.add((reader.isReadAsOne() ? "  read as one from " : "  merged from ") + from));
        }
        Trajectory t = reader.trajectory();
        if (node instanceof Group g) {
            walk(t, g, p, "", out, !p.isEmpty() && Nodes.isRunSet(g.getName()), damaged);
        } else {
            out.add(describe(t, (Dataset) node, p, damaged));
        }
        return out;
    }

    private static void walk(Trajectory t, Group g, String path, String indent, List<String> out, boolean expandRuns,
            List<String> damaged) {
        List<Node> children;
        try {
            children = ordered(g);
        } catch (HdfException e) {
            out.add(indent + "(cannot be read: damaged, " + e.getMessage() + ")");
            damaged.add((path.isEmpty() ? "the trajectory" : path) + " (" + e.getMessage() + ")");
            return;
        }
        for (Node n : children) {
            String childPath = path.isEmpty() ? n.getName() : path + "/" + n.getName();
            if (n instanceof Group sub && n.getName().equals("damaged") && path.equals(Layout.OVERVIEW)) {
                out.add(indent + "damaged/  groups set aside by a repair after a crash (not listed)");
                continue;
            }
            if (n instanceof Group sub) {
                boolean buckets = !expandRuns && Nodes.children(sub).keySet().stream().anyMatch(Nodes::isRunSet);
                if (buckets) {
                    int sets = Nodes.children(sub).size();
                    out.add(indent + n.getName() + "/  per-run groups in " + sets + " run_set bucket" + (sets == 1 ? "" : "s")
                            + " of up to 1,000 runs (ls FILE " + childPath + "/run_set_00000 to list one)");
                    continue;
                }
                out.add(indent + n.getName() + "/");
                walk(t, sub, childPath, indent + "  ", out, expandRuns, damaged);
            } else {
                out.add(indent + describe(t, (Dataset) n, childPath, damaged));
            }
        }
    }

    /**
     * A group's children in insertion order; per-run groups and run_set buckets by name (the order runs
     * finished in, which is their insertion order, means nothing to a reader).
     */
    private static List<Node> ordered(Group g) {
        List<Node> children = TreeLoader.inInsertionOrder(g);
        if (Nodes.isRunSet(g.getName()) || (!children.isEmpty()
                && children.stream().allMatch(n -> Nodes.isRunSet(n.getName())))) {
            children = new ArrayList<>(children);
            children.sort(Comparator.comparing(Node::getName));
        }
        return children;
    }

    private static String describe(Trajectory t, Dataset d, String path, List<String> damaged) {
        Class<?> javaType = d.getJavaType();
        // the run table's narrow columns (format version 2): worker codes int16, durations float32
        boolean narrow = javaType == short.class || javaType == float.class;
        ValueType type = javaType == short.class ? ValueType.INT : javaType == float.class ? ValueType.DOUBLE : JhdfValues.typeOf(d);
        String shape = d.isScalar() ? "" : Arrays.toString(d.getDimensions());
        String label = d.getAttribute(Layout.ATTR_TYPE) != null ? Nodes.stringAttribute(d, Layout.ATTR_TYPE)
                : narrow ? (javaType == short.class ? "int16" : "float32")
                : type == ValueType.BOOLEAN ? "int8" : type.label();
        StringBuilder sb = new StringBuilder(d.getName()).append("  ").append(label.replace("[]", "")).append(shape);
        String values;
        try {
            values = ListedValues.of(d, label.equals("int8") ? ValueType.INT : type); // undeclared int8: codes, not booleans
        } catch (HdfException e) {
            values = "(values cannot be read: damaged, " + e.getMessage() + ")";
            damaged.add(path + " (" + e.getMessage() + ")");
        }
        if (!values.isEmpty()) {
            sb.append("  ").append(values);
        }
        if (path.startsWith("parameters/")) {
            Parameter p = t.parameter(path.replace('/', '.'));
            if (p.isExplored()) {
                sb.append("  explored: ").append(range(p.range()));
            }
        }
        String comment = Nodes.comment(d);
        if (!comment.isEmpty()) {
            sb.append("  # ").append(comment);
        }
        return sb.toString();
    }

    private static String range(List<Object> values) {
        java.util.Set<Object> distinct = new java.util.LinkedHashSet<>(values);
        if (distinct.size() <= 8) {
            return distinct.size() + " values " + distinct;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Object v : distinct) {
            if (v instanceof Number n) {
                min = Math.min(min, n.doubleValue());
                max = Math.max(max, n.doubleValue());
            }
        }
        return distinct.size() + " values in [" + ValueType.format(min) + ", " + ValueType.format(max) + "]";
    }
}
