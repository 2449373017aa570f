package org.neurosweep.storage;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neurosweep.trajectory.Branch;
import org.neurosweep.trajectory.Trajectory;
import org.neurosweep.trajectory.ValueType;

/** Rebuilds a {@link Trajectory} from the stored tree and explored values, skipping per-run data. */
final class TreeLoader {
    private TreeLoader() {
    }

    /** The group's children in the order of its {@code order} attribute, then any others (per-run groups). */
    static List<Node> inInsertionOrder(Group g) {
        Map<String, Node> children = new LinkedHashMap<>(Nodes.children(g));
        // note: jHDF reads every child's header when it lists a group; the runs' groups are never listed here
        List<Node> out = new ArrayList<>();
        Attribute order = g.getAttribute(Layout.ATTR_ORDER);
        String names = order == null ? "" : (String) GlobalHeapCheck.data(order);
        if (!names.isEmpty()) {
            for (String name : names.split(",")) {
                Node n = children.remove(name);
                if (n != null) {
                    out.add(n);
                }
            }
        }
        out.addAll(children.values());
        return out;
    }

    static Trajectory load(TrajectoryReader reader) {
        Trajectory t = tree(reader);
        if (!reader.exploredNames().isEmpty()) {
            t.explore(reader.exploration());
        }
        return t;
    }

    /** The stored tree (config, parameters with their default values, trajectory-level results), not explored. */
    static Trajectory tree(TrajectoryReader reader) {
        Trajectory t = new Trajectory(reader.name(), reader.seed(), reader.created());
        t.setComment(Nodes.comment(reader.root()));
        for (Branch b : Branch.values()) {
            Node g = Nodes.child(reader.root(), b.groupName());
            if (g instanceof Group group) {
                walk(t, b, "", group);
            }
        }
        return t;
    }

    private static void walk(Trajectory t, Branch b, String prefix, Group g) {
        for (Node n : inInsertionOrder(g)) {
            String name = n.getName();
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            if (n instanceof Group sub) {
                boolean runBranch = b == Branch.RESULTS || b == Branch.DERIVED_PARAMETERS;
                if (runBranch && prefix.isEmpty() && (name.equals(Trajectory.RUNS_GROUP) || name.equals(Trajectory.SUMMARY_GROUP))) {
                    continue; // the runs' values: never listed here, so loading the tree never touches them
                }
                String comment = Nodes.comment(sub);
                if (!comment.isEmpty()) {
                    t.addGroup(b, path, comment);
                }
                walk(t, b, path, sub);
            } else {
                Dataset d = (Dataset) n;
                ValueType type = ValueType.fromLabel(Nodes.stringAttribute(d, Layout.ATTR_TYPE));
                Object value = JhdfValues.value(d, type);
                String comment = Nodes.comment(d);
                switch (b) {
                    case CONFIG -> t.addConfig(path, value, comment);
                    case PARAMETERS -> t.addParameter(path, value, comment).unit(Nodes.optionalString(d, Layout.ATTR_UNIT));
                    case DERIVED_PARAMETERS -> t.addDerivedParameter(path, value, comment);
                    default -> t.addResult(path, value, comment);
                }
            }
        }
    }
}
