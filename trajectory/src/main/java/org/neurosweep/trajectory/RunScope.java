package org.neurosweep.trajectory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The {@link RunContext} of one run of a trajectory: resolves names against the trajectory, locks the
 * parameters the run reads, and collects the run's values, checking their names as they are added.
 * Runners open one with {@link Trajectory#openRun} and close it with {@link #finish}.
 */
public final class RunScope implements RunContext {
    private final Trajectory trajectory;
    private final long index;
    private final long seed;
    private final List<RunValue> values = new ArrayList<>();
    /** Keys of every value's path and of each of its ancestors, to detect leaf/group collisions. */
    private final Set<String> leafKeys = new HashSet<>();
    private final Set<String> groupKeys = new HashSet<>();
    /** Summary columns are flat (a dotted name is one dataset), so only exact repeats collide. */
    private final Set<String> summaryKeys = new HashSet<>();
    private SplittableRandom random;

    RunScope(Trajectory trajectory, long index) {
        this.trajectory = trajectory;
        this.index = index;
        this.seed = trajectory.runSeed(index);
    }

    @Override
    public long index() {
        return index;
    }

    @Override
    public String name() {
        return Runs.name(index);
    }

    @Override
    public String setName() {
        return Runs.setName(index);
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public SplittableRandom random() {
        if (random == null) {
            random = new SplittableRandom(seed);
        }
        return random;
    }

    @Override
    public Object get(String name) {
        Leaf leaf = trajectory.leaf(name);
        if (leaf instanceof Parameter p) {
            p.lock();
            return ValueType.copy(p.valueInRun(index));
        }
        return leaf.value();
    }

    private Object typed(String name, ValueType type) {
        return type.coerce(get(name), name);
    }

    @Override
    public double getDouble(String name) {
        return (Double) typed(name, ValueType.DOUBLE);
    }

    @Override
    public int getInt(String name) {
        return (Integer) typed(name, ValueType.INT);
    }

    @Override
    public long getLong(String name) {
        return (Long) typed(name, ValueType.LONG);
    }

    @Override
    public boolean getBoolean(String name) {
        return (Boolean) typed(name, ValueType.BOOLEAN);
    }

    @Override
    public String getString(String name) {
        return (String) typed(name, ValueType.STRING);
    }

    @Override
    public double[] getDoubleArray(String name) {
        return (double[]) typed(name, ValueType.DOUBLE_ARRAY);
    }

    @Override
    public int[] getIntArray(String name) {
        return (int[]) typed(name, ValueType.INT_ARRAY);
    }

    @Override
    public long[] getLongArray(String name) {
        return (long[]) typed(name, ValueType.LONG_ARRAY);
    }

    @Override
    public void addResult(String name, Object value, String comment) {
        add(Branch.RESULTS, name, value, "", comment);
    }

    @Override
    public void addResult(String name, Object value, String unit, String comment) {
        add(Branch.RESULTS, name, value, unit, comment);
    }

    @Override
    public void addDerivedParameter(String name, Object value, String comment) {
        add(Branch.DERIVED_PARAMETERS, name, value, "", comment);
    }

    private void add(Branch branch, String name, Object value, String unit, String comment) {
        ValueType type = ValueType.of(value);
        String relative = name.startsWith(branch.groupName() + ".") ? name.substring(branch.groupName().length() + 1) : name;
        boolean summary = Names.isPlainPath(relative);
        String path;
        if (summary) {
            if (!type.isScalar()) {
                throw new TypeMismatchException(branch.groupName() + " '" + name + "' of " + name() + " is a " + type.label()
                        + "; only scalars are collected into summary columns: name it 'runs.$set.$." + relative
                        + "' to store it with its run");
            }
            path = relative;
        } else {
            if (!relative.startsWith(Trajectory.RUNS_GROUP + ".$set.$.")) {
                throw new InvalidNameException("'" + name + "': a value stored with its run is named runs.$set.$.<name>"
                        + " (e.g. runs.$set.$.spikes), so that every run's group lives in one place");
            }
            path = Names.resolveWildcards(relative, index);
        }
        if (summary) {
            if (!summaryKeys.add(branch == Branch.RESULTS ? path : branch.groupName() + ":" + path)) {
                throw new DuplicateNameException("'" + name + "' was already added in " + name() + " ("
                        + branch.groupName() + ".summary." + path + ")");
            }
        } else {
            claim(branch.groupName() + "." + path, name);
        }
        values.add(new RunValue(branch, path, type, ValueType.copy(value), comment, summary, unit));
    }

    private void claim(String fullPath, String name) {
        if (leafKeys.contains(fullPath)) {
            throw new DuplicateNameException("'" + name + "' was already added in " + name() + " (" + fullPath + ")");
        }
        if (groupKeys.contains(fullPath)) {
            throw new DuplicateNameException("'" + name + "' of " + name() + " collides with the group " + fullPath
                    + " made by another value of this run");
        }
        for (int dot = fullPath.indexOf('.'); dot >= 0; dot = fullPath.indexOf('.', dot + 1)) {
            String ancestor = fullPath.substring(0, dot);
            if (leafKeys.contains(ancestor)) {
                throw new DuplicateNameException("'" + name + "' of " + name() + " would put a group where the value "
                        + ancestor + " of this run is");
            }
        }
        for (int dot = fullPath.indexOf('.'); dot >= 0; dot = fullPath.indexOf('.', dot + 1)) {
            groupKeys.add(fullPath.substring(0, dot));
        }
        leafKeys.add(fullPath);
    }

    /** The values added so far, in order. */
    public List<RunValue> values() {
        return List.copyOf(values);
    }

    /**
     * Closes the run into its record.
     *
     * @param error the failure's text, or null for a completed run; a failed run keeps none of its values,
     *              so that nothing half-made is stored
     */
    public RunRecord finish(long startMillis, long durationNanos, String worker, String error) {
        if (error != null) {
            return new RunRecord(index, RunStatus.FAILED, startMillis, durationNanos, worker, error, List.of());
        }
        return new RunRecord(index, RunStatus.COMPLETED, startMillis, durationNanos, worker, null, values);
    }
}
