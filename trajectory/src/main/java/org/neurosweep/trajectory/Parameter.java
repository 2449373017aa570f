package org.neurosweep.trajectory;

import java.util.AbstractList;
import java.util.List;

/**
 * A parameter: a leaf of {@code config}, {@code parameters} or {@code derived_parameters} with a default
 * value. A parameter of the {@code parameters} branch may be explored; it then knows its range, the value
 * it takes in every run. A parameter becomes read-only once it is explored or read by a run.
 */
public final class Parameter extends Leaf {
    private final Trajectory owner;
    private volatile Object value;
    private volatile boolean locked;
    private volatile int exploredColumn = -1;

    Parameter(Trajectory owner, String name, String fullPath, Branch branch, ValueType type, Object value, String comment) {
        super(name, fullPath, branch, type, comment);
        this.owner = owner;
        this.value = ValueType.copy(value);
    }

    /** The default value (a copy for arrays); for an explored parameter, the value outside the runs. */
    @Override
    public Object value() {
        return ValueType.copy(value);
    }

    /**
     * Changes the default value.
     *
     * @throws LockedParameterException if the parameter is explored or was used by a run
     * @throws TypeMismatchException if the value does not fit the parameter's type
     */
    public void setValue(Object newValue) {
        if (locked) {
            throw new LockedParameterException("parameter " + fullPath() + " is locked because it "
                    + (isExplored() ? "is explored" : "was used by a run") + "; it can no longer be changed");
        }
        value = ValueType.copy(type().coerce(newValue, fullPath()));
    }

    /** Whether the parameter can no longer be changed. */
    public boolean isLocked() {
        return locked;
    }

    void lock() {
        locked = true;
    }

    /** Whether the parameter is explored (takes a value per run). */
    public boolean isExplored() {
        return exploredColumn >= 0;
    }

    void markExplored(int column) {
        exploredColumn = column;
        locked = true;
    }

    /** The value in run {@code runIndex}: the explored value, or the default if not explored. */
    public Object valueInRun(long runIndex) {
        int column = exploredColumn;
        if (column < 0) {
            return value;
        }
        return owner.exploredRuns().value(runIndex, column);
    }

    /**
     * The parameter's range: its value in every run, as a lazy list view (nothing is materialised).
     * Empty if the parameter is not explored.
     */
    public List<Object> range() {
        if (!isExplored()) {
            return List.of();
        }
        return new AbstractList<>() {
            @Override
            public Object get(int index) {
                return valueInRun(index);
            }

            @Override
            public int size() {
                return (int) Math.min(Integer.MAX_VALUE, owner.runCount());
            }
        };
    }
}
