package org.neurosweep.trajectory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A named tree of configuration, parameters, derived parameters and results, the explored values of
 * every run, and the seed every run's random numbers derive from.
 *
 * <p>Leaves are found by natural naming: the full path ({@code parameters.net.g}) or any unique suffix
 * of it ({@code net.g}, {@code g}). A trajectory that is not explored has exactly one run, run 0, with
 * the default values (as in pypet).
 *
 * <p>Threads: build the tree from one thread; once runs start, the trajectory is only read (and its
 * parameters locked), which is safe from many threads.
 */
public final class Trajectory {
    /** Below results and derived_parameters: the groups of the runs' own values ({@code runs.$set.$.x}). */
    public static final String RUNS_GROUP = "runs";
    /** Below results and derived_parameters: the summary columns of the runs' scalar values. */
    public static final String SUMMARY_GROUP = "summary";

    private final String name;
    private final long seed;
    private final Instant created;
    private String comment = "";
    private final Map<Branch, Group> roots = new EnumMap<>(Branch.class);
    private final NameIndex index;
    private volatile ExploredRuns explored;

    /**
     * A new, empty trajectory.
     *
     * @param name an identifier, the name of the file's root group
     * @param seed the seed every run's seed derives from
     */
    public Trajectory(String name, long seed) {
        this(name, seed, Instant.now());
    }

    /** A trajectory with a given creation time, as loaded from storage. */
    public Trajectory(String name, long seed, Instant created) {
        if (!Names.isIdentifier(name)) {
            throw new InvalidNameException("'" + name + "' is not a valid trajectory name: use a letter or _, then letters, digits or _");
        }
        this.name = name;
        this.seed = seed;
        this.created = created;
        for (Branch b : Branch.values()) {
            roots.put(b, new Group(b.groupName(), b.groupName(), b));
        }
        index = new NameIndex(roots);
        roots.values().forEach(index::add);
    }

    public String name() {
        return name;
    }

    public long seed() {
        return seed;
    }

    public Instant created() {
        return created;
    }

    public String comment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment == null ? "" : comment;
    }

    /** The root group of a branch. */
    public Group root(Branch branch) {
        return roots.get(branch);
    }

    // ---------------------------------------------------------------- building the tree

    /** Adds a configuration leaf below {@code config}. */
    public Parameter addConfig(String path, Object value, String comment) {
        return (Parameter) addLeaf(Branch.CONFIG, path, value, comment);
    }

    /** Adds a parameter below {@code parameters}; {@code path} may be given with or without that prefix. */
    public Parameter addParameter(String path, Object value, String comment) {
        return (Parameter) addLeaf(Branch.PARAMETERS, path, value, comment);
    }

    public Parameter addParameter(String path, Object value) {
        return addParameter(path, value, "");
    }

    /** Adds a derived parameter below {@code derived_parameters} (outside runs; see {@link RunContext} for runs). */
    public Parameter addDerivedParameter(String path, Object value, String comment) {
        return (Parameter) addLeaf(Branch.DERIVED_PARAMETERS, path, value, comment);
    }

    /** Adds a result below {@code results} outside runs (see {@link RunContext} for results of runs). */
    public Result addResult(String path, Object value, String comment) {
        return (Result) addLeaf(Branch.RESULTS, path, value, comment);
    }

    /** Sets the comment of a group, creating the group (and its parents) if needed. */
    public Group addGroup(Branch branch, String path, String comment) {
        List<String> segments = relative(branch, Names.split(path));
        if (!segments.isEmpty()) {
            requireNotReserved(branch, segments, path);
        }
        Group g = ensureGroups(branch, segments, true);
        g.setComment(comment);
        return g;
    }

    private Leaf addLeaf(Branch branch, String path, Object value, String comment) {
        List<String> segments = relative(branch, Names.split(path));
        if (segments.isEmpty()) {
            throw new InvalidNameException("'" + path + "' names the branch itself; give a leaf name below it");
        }
        requireNotReserved(branch, segments, path);
        ValueType type = ValueType.of(value);
        Group parent = ensureGroups(branch, segments.subList(0, segments.size() - 1), false);
        String leafName = segments.get(segments.size() - 1);
        String fullPath = parent.fullPath() + "." + leafName;
        TreeNode existing = parent.child(leafName);
        if (existing != null) {
            throw new DuplicateNameException(fullPath + " already exists as a "
                    + (existing instanceof Group ? "group" : "leaf") + "; choose another name");
        }
        Leaf leaf = branch == Branch.RESULTS
                ? new Result(leafName, fullPath, type, value, comment)
                : new Parameter(this, leafName, fullPath, branch, type, value, comment);
        parent.add(leaf);
        index.add(leaf);
        return leaf;
    }

    private static void requireNotReserved(Branch branch, List<String> segments, String path) {
        boolean runBranch = branch == Branch.RESULTS || branch == Branch.DERIVED_PARAMETERS;
        String first = segments.get(0);
        if (runBranch && (first.equals(RUNS_GROUP) || first.equals(SUMMARY_GROUP))) {
            throw new InvalidNameException("'" + path + "': " + branch.groupName() + "." + first + " is reserved for the values of"
                    + " runs; choose another name");
        }
    }

    private Group ensureGroups(Branch branch, List<String> segments, boolean allowExisting) {
        Group group = roots.get(branch);
        for (String s : segments) {
            TreeNode child = group.child(s);
            if (child == null) {
                Group created = new Group(s, group.fullPath() + "." + s, branch);
                group.add(created);
                index.add(created);
                group = created;
            } else if (child instanceof Group g) {
                group = g;
            } else {
                throw new DuplicateNameException(child.fullPath() + " is a leaf, so it cannot hold "
                        + (allowExisting ? "a group" : "children") + "; choose another name");
            }
        }
        return group;
    }

    private static List<String> relative(Branch branch, List<String> segments) {
        if (!segments.isEmpty() && segments.get(0).equals(branch.groupName())) {
            return segments.subList(1, segments.size());
        }
        Branch other = Branch.byGroupName(segments.get(0));
        if (other != null) {
            throw new InvalidNameException("'" + Names.join(segments) + "' starts with branch '" + other.groupName()
                    + "' but is added to '" + branch.groupName() + "'");
        }
        return segments;
    }

    // ---------------------------------------------------------------- natural naming

    /** The node with this full path or unique suffix. */
    public TreeNode node(String name) {
        return index.resolve(name);
    }

    /** The leaf with this full path or unique suffix. */
    public Leaf leaf(String name) {
        TreeNode n = node(name);
        if (n instanceof Leaf l) {
            return l;
        }
        throw new NoSuchNodeException("'" + name + "' is the group " + n.fullPath() + ", not a leaf");
    }

    /** The parameter (of config, parameters or derived_parameters) with this full path or unique suffix. */
    public Parameter parameter(String name) {
        Leaf l = leaf(name);
        if (l instanceof Parameter p) {
            return p;
        }
        throw new NoSuchNodeException("'" + name + "' is the result " + l.fullPath() + ", not a parameter");
    }

    /** A leaf's value (a parameter's default). */
    public Object value(String name) {
        return leaf(name).value();
    }

    /** Every leaf of a branch, depth first in insertion order. */
    public List<Leaf> leaves(Branch branch) {
        List<Leaf> out = new ArrayList<>();
        collect(roots.get(branch), out);
        return out;
    }

    /** Adds every leaf below {@code g} to {@code out}, depth first in insertion order. */
    static void collect(Group g, List<Leaf> out) {
        for (TreeNode child : g.children()) {
            if (child instanceof Leaf l) {
                out.add(l);
            } else {
                collect((Group) child, out);
            }
        }
    }

    // ---------------------------------------------------------------- exploration and runs

    /**
     * Explores parameters: run {@code i} takes row {@code i} of the exploration. Every name must be a
     * parameter of the {@code parameters} branch, each at most once, with values of its type (int widens
     * to long and double). The explored parameters are locked.
     */
    public synchronized void explore(Exploration points) {
        if (explored != null) {
            throw new ExplorationException("trajectory " + name + " is already explored over "
                    + paths(explored.parameters()) + "; use expand(...) to add runs");
        }
        List<Parameter> params = checkedParameters(points);
        int[] identity = new int[params.size()];
        for (int i = 0; i < identity.length; i++) {
            identity[i] = i;
        }
        checkAllowed(params, points, identity);
        ExploredRuns runs = new ExploredRuns(params);
        runs.append(points, identity);
        for (int c = 0; c < params.size(); c++) {
            params.get(c).markExplored(c);
        }
        explored = runs;
    }

    /**
     * Adds runs after the existing ones (pypet's {@code f_expand}): the exploration must cover exactly the
     * explored parameters, in any order. Existing runs keep their indices.
     */
    public synchronized void expand(Exploration points) {
        if (explored == null) {
            explore(points);
            return;
        }
        List<Parameter> params = checkedParameters(points);
        Set<Parameter> given = new HashSet<>(params);
        if (!given.equals(new HashSet<>(explored.parameters()))) {
            throw new ExplorationException("an expansion must explore exactly " + paths(explored.parameters())
                    + ", but it explores " + paths(params));
        }
        int[] source = new int[params.size()];
        for (int c = 0; c < source.length; c++) {
            source[c] = params.indexOf(explored.parameters().get(c));
        }
        checkAllowed(explored.parameters(), points, source);
        explored.append(points, source);
    }

    /** Refuses an exploration with a value a parameter does not allow, before any run takes it. */
    private static void checkAllowed(List<Parameter> params, Exploration points, int[] sourceColumn) {
        for (int c = 0; c < params.size(); c++) {
            Parameter p = params.get(c);
            if (p.allowed() == null) {
                continue;
            }
            for (long r = 0; r < points.size(); r++) {
                Object v = p.type().coerce(points.value(r, sourceColumn[c]), p.fullPath());
                try {
                    p.check(v);
                } catch (ValueNotAllowedException e) {
                    throw new ValueNotAllowedException("point " + r + " of the exploration: " + e.getMessage());
                }
            }
        }
    }

    private List<Parameter> checkedParameters(Exploration points) {
        if (points.size() <= 0) {
            throw new ExplorationException("an exploration needs at least one point; this one has " + points.size());
        }
        List<Parameter> params = new ArrayList<>();
        List<String> names = points.names();
        for (int c = 0; c < names.size(); c++) {
            String n = names.get(c);
            Leaf leaf;
            try {
                leaf = leaf(n);
            } catch (NoSuchNodeException e) {
                throw new ExplorationException("cannot explore '" + n + "': " + e.getMessage());
            }
            if (leaf.branch() != Branch.PARAMETERS) {
                throw new ExplorationException("cannot explore '" + n + "': " + leaf.fullPath()
                        + " is not in the parameters branch; only parameters can be explored");
            }
            Parameter p = (Parameter) leaf;
            if (params.contains(p)) {
                throw new ExplorationException("parameter " + p.fullPath() + " is explored twice (as '" + n + "')");
            }
            ValueType given = points.types().get(c);
            if (!p.type().accepts(given)) {
                throw new ExplorationException("cannot explore " + p.fullPath() + " (" + p.type().label()
                        + ") with values of type " + given.label());
            }
            params.add(p);
        }
        return params;
    }

    private static List<String> paths(List<Parameter> params) {
        List<String> out = new ArrayList<>();
        params.forEach(p -> out.add(p.fullPath()));
        return out;
    }

    public boolean isExplored() {
        return explored != null;
    }

    /** The explored parameters in column order (empty if not explored). */
    public List<Parameter> exploredParameters() {
        ExploredRuns e = explored;
        return e == null ? List.of() : Collections.unmodifiableList(e.parameters());
    }

    /** The number of runs: the explored points, or 1 if not explored. */
    public long runCount() {
        ExploredRuns e = explored;
        return e == null ? 1 : e.size();
    }

    ExploredRuns exploredRuns() {
        return explored;
    }

    /** The seed of run {@code runIndex}, derived from the trajectory's seed and the index only. */
    public long runSeed(long runIndex) {
        return Runs.seed(seed, runIndex);
    }

    /** Opens run {@code runIndex}: the context a run function sees, which collects its results. */
    public RunScope openRun(long runIndex) {
        if (runIndex < 0 || runIndex >= runCount()) {
            throw new NoSuchNodeException("run " + runIndex + " does not exist; trajectory " + name + " has "
                    + runCount() + " runs");
        }
        return new RunScope(this, runIndex);
    }

    @Override
    public String toString() {
        return "Trajectory " + name + " (seed " + seed + ", " + runCount() + " runs)";
    }
}
