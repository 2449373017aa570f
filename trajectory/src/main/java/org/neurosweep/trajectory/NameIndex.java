package org.neurosweep.trajectory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Natural naming: finds a node by its full dotted path or by any unique suffix of it. An ambiguous
 * suffix lists its candidates; a missing name lists the names that exist nearby.
 */
final class NameIndex {
    private final Map<String, List<TreeNode>> byName = new HashMap<>();
    private final Map<String, TreeNode> resolved = new ConcurrentHashMap<>();
    private final Map<Branch, Group> roots;

    NameIndex(Map<Branch, Group> roots) {
        this.roots = roots;
    }

    synchronized void add(TreeNode node) {
        byName.computeIfAbsent(node.name(), k -> new ArrayList<>(1)).add(node);
        resolved.clear();
    }

    TreeNode resolve(String name) {
        TreeNode cached = resolved.get(name);
        if (cached != null) {
            return cached;
        }
        TreeNode node = lookUp(name);
        resolved.put(name, node);
        return node;
    }

    private synchronized TreeNode lookUp(String name) {
        List<String> segments = Names.split(name);
        Branch branch = Branch.byGroupName(segments.get(0));
        if (branch != null) {
            TreeNode exact = walk(roots.get(branch), segments, 1);
            if (exact != null) {
                return exact;
            }
        }
        List<TreeNode> matches = new ArrayList<>();
        for (TreeNode candidate : byName.getOrDefault(segments.get(segments.size() - 1), List.of())) {
            String path = candidate.fullPath();
            if (path.equals(name) || path.endsWith("." + name)) {
                matches.add(candidate);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new NoSuchNodeException("no node named '" + name + "'" + nearby(segments));
        }
        List<String> paths = new ArrayList<>();
        matches.forEach(m -> paths.add(m.fullPath()));
        throw new AmbiguousNameException("'" + name + "' is ambiguous; it matches " + paths
                + ": give more of the path");
    }

    private static TreeNode walk(Group from, List<String> segments, int start) {
        TreeNode node = from;
        for (int i = start; i < segments.size(); i++) {
            if (!(node instanceof Group g)) {
                return null;
            }
            node = g.child(segments.get(i));
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** Children of the deepest group the name's prefix resolves to, and names a short edit away. */
    private String nearby(List<String> segments) {
        TreeSet<String> suggestions = new TreeSet<>();
        if (segments.size() > 1) {
            try {
                TreeNode parent = lookUp(Names.join(segments.subList(0, segments.size() - 1)));
                if (parent instanceof Group g) {
                    g.children().forEach(c -> suggestions.add(c.fullPath()));
                }
            } catch (TrajectoryException ignored) {
                // the prefix itself does not resolve: fall back on similar names
            }
        }
        String last = segments.get(segments.size() - 1);
        int allowed = Math.max(1, last.length() / 3);
        for (Map.Entry<String, List<TreeNode>> e : byName.entrySet()) {
            if (editDistance(last.toLowerCase(), e.getKey().toLowerCase()) <= allowed) {
                e.getValue().forEach(n -> suggestions.add(n.fullPath()));
            }
        }
        if (suggestions.isEmpty()) {
            List<String> parameters = new ArrayList<>();
            List<Leaf> leaves = new ArrayList<>();
            Trajectory.collect(roots.get(Branch.PARAMETERS), leaves);
            leaves.forEach(l -> parameters.add(l.fullPath()));
            if (parameters.isEmpty()) {
                return "; the trajectory has no similar names";
            }
            List<String> shown = parameters.subList(0, Math.min(20, parameters.size()));
            return "; no similar names; the parameters are: " + String.join(", ", shown) + (parameters.size() > 20 ? ", ..." : "");
        }
        List<String> shown = new ArrayList<>(suggestions).subList(0, Math.min(10, suggestions.size()));
        return "; names nearby: " + String.join(", ", shown) + (suggestions.size() > 10 ? ", ..." : "");
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
