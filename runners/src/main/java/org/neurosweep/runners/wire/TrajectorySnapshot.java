package org.neurosweep.runners.wire;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.neurosweep.trajectory.ArrayExploration;
import org.neurosweep.trajectory.Branch;
import org.neurosweep.trajectory.Exploration;
import org.neurosweep.trajectory.Group;
import org.neurosweep.trajectory.Leaf;
import org.neurosweep.trajectory.Parameter;
import org.neurosweep.trajectory.Trajectory;
import org.neurosweep.trajectory.TreeNode;
import org.neurosweep.trajectory.ValueType;

/**
 * A trajectory in plain data, to rebuild it in another JVM: its tree, and either every run's explored
 * values (frozen input, sent once per worker) or one run's (sent with that run).
 *
 * @param name      the trajectory's name
 * @param seed      its seed
 * @param created   its creation time
 * @param comment   its comment
 * @param leaves    every leaf of every branch in insertion order
 * @param groups    the groups that carry a comment
 * @param explored  full paths of the explored parameters, in column order
 * @param runCount  the number of runs
 * @param columns   per explored parameter, every run's value as a primitive or String array; or null
 * @param run       with {@code point}: the one run whose values are carried (-1 with columns)
 * @param point     that run's explored values, or null
 */
public record TrajectorySnapshot(String name, long seed, Instant created, String comment, List<LeafData> leaves,
                                 List<GroupData> groups, List<String> explored, long runCount, Object[] columns,
                                 long run, Object[] point) {

    /** One leaf: branch, path below the branch, value, comment. */
    public record LeafData(Branch branch, String path, Object value, String comment) {
    }

    /** A group's comment. */
    public record GroupData(Branch branch, String path, String comment) {
    }

    /** The whole trajectory with every run's explored values: frozen input. */
    public static TrajectorySnapshot frozen(Trajectory t) {
        List<Parameter> params = t.exploredParameters();
        Object[] columns = new Object[params.size()];
        int n = Math.toIntExact(t.runCount());
        for (int c = 0; c < columns.length; c++) {
            columns[c] = column(params.get(c), n);
        }
        return of(t, columns, -1, null);
    }

    /** The trajectory's tree with run {@code run}'s explored values only. */
    public static TrajectorySnapshot forRun(Trajectory t, long run) {
        List<Parameter> params = t.exploredParameters();
        Object[] point = new Object[params.size()];
        for (int c = 0; c < point.length; c++) {
            point[c] = params.get(c).valueInRun(run);
        }
        return of(t, null, run, point);
    }

    private static TrajectorySnapshot of(Trajectory t, Object[] columns, long run, Object[] point) {
        List<LeafData> leaves = new ArrayList<>();
        List<GroupData> groups = new ArrayList<>();
        for (Branch b : Branch.values()) {
            for (Leaf l : t.leaves(b)) {
                leaves.add(new LeafData(b, l.fullPath().substring(b.groupName().length() + 1), l.value(), l.comment()));
            }
            collectGroups(b, t.root(b), groups);
        }
        List<String> explored = new ArrayList<>();
        t.exploredParameters().forEach(p -> explored.add(p.fullPath()));
        return new TrajectorySnapshot(t.name(), t.seed(), t.created(), t.comment(), leaves, groups, explored,
                t.isExplored() ? t.runCount() : 0, columns, run, point);
    }

    private static void collectGroups(Branch b, Group g, List<GroupData> out) {
        for (TreeNode child : g.children()) {
            if (child instanceof Group sub) {
                if (!sub.comment().isEmpty()) {
                    out.add(new GroupData(b, sub.fullPath().substring(b.groupName().length() + 1), sub.comment()));
                }
                collectGroups(b, sub, out);
            }
        }
    }

    private static Object column(Parameter p, int n) {
        Object array = switch (p.type()) {
            case BOOLEAN -> new boolean[n];
            case INT -> new int[n];
            case LONG -> new long[n];
            case DOUBLE -> new double[n];
            case STRING -> new String[n];
            default -> throw new IllegalArgumentException("explored array parameters cannot be sent to workers: "
                    + p.fullPath() + " is " + p.type().label());
        };
        for (int i = 0; i < n; i++) {
            java.lang.reflect.Array.set(array, i, p.valueInRun(i));
        }
        return array;
    }

    /** Rebuilds the trajectory. */
    public Trajectory toTrajectory() {
        Trajectory t = new Trajectory(name, seed, created);
        t.setComment(comment);
        for (GroupData g : groups) {
            t.addGroup(g.branch(), g.path(), g.comment());
        }
        for (LeafData l : leaves) {
            switch (l.branch()) {
                case CONFIG -> t.addConfig(l.path(), l.value(), l.comment());
                case PARAMETERS -> t.addParameter(l.path(), l.value(), l.comment());
                case DERIVED_PARAMETERS -> t.addDerivedParameter(l.path(), l.value(), l.comment());
                default -> t.addResult(l.path(), l.value(), l.comment());
            }
        }
        if (!explored.isEmpty()) {
            List<ValueType> types = new ArrayList<>();
            for (String p : explored) {
                types.add(t.parameter(p).type());
            }
            t.explore(columns != null ? new ArrayExploration(explored, types, runCount, c -> columns[c])
                    : new OneRun(explored, types));
        }
        return t;
    }

    /** The explored values of the one run a snapshot carries. */
    private final class OneRun implements Exploration {
        private final List<String> names;
        private final List<ValueType> types;

        OneRun(List<String> names, List<ValueType> types) {
            this.names = names;
            this.types = types;
        }

        @Override
        public List<String> names() {
            return names;
        }

        @Override
        public List<ValueType> types() {
            return types;
        }

        @Override
        public long size() {
            return runCount;
        }

        @Override
        public Object value(long p, int column) {
            if (p != run) {
                throw new IllegalStateException("this snapshot carries run " + run + " only, not run " + p);
            }
            return point[column];
        }
    }
}
