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
    private volatile String unit = "";
    private volatile Allowed allowed;

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
        Object v = type().coerce(newValue, fullPath());
        check(v);
        value = ValueType.copy(v);
    }

    /** The unit of the value, such as {@code "ms"} or {@code "mV"} (NEST's units); empty if none. */
    public String unit() {
        return unit;
    }

    /**
     * Sets the unit (shown by {@code neurosweep run NAME --help}, stored with the parameter).
     *
     * @return this parameter, to declare further properties
     */
    public Parameter unit(String unit) {
        this.unit = unit == null ? "" : unit.trim();
        return this;
    }

    /** What the parameter allows, or null if any value of its type. */
    public Allowed allowed() {
        return allowed;
    }

    /**
     * Allows only numbers from {@code min} to {@code max} (both included) for a numeric parameter; the
     * default and every explored value are checked, so a bad value is refused before the first run.
     *
     * @throws ValueNotAllowedException if the current default is outside
     * @throws TypeMismatchException if the parameter is not numeric
     */
    public Parameter allowed(double min, double max) {
        if (type() != ValueType.INT && type() != ValueType.LONG && type() != ValueType.DOUBLE) {
            throw new TypeMismatchException(fullPath() + ": an allowed interval needs a numeric parameter, but it is "
                    + type().label());
        }
        return restrict(new Allowed.Interval(min, max));
    }

    /**
     * Allows only these values (of the parameter's type).
     *
     * @throws ValueNotAllowedException if the current default is not among them
     */
    public Parameter allowed(Object... values) {
        java.util.List<Object> coerced = new java.util.ArrayList<>();
        for (Object v : values) {
            coerced.add(type().coerce(v, fullPath()));
        }
        return restrict(new Allowed.OneOf(coerced));
    }

    private Parameter restrict(Allowed a) {
        if (locked) {
            throw new LockedParameterException("parameter " + fullPath() + " is locked; declare what it allows before"
                    + " it is explored or used");
        }
        Allowed before = allowed;
        allowed = a;
        try {
            check(value);
        } catch (ValueNotAllowedException e) {
            allowed = before;
            throw e;
        }
        return this;
    }

    /** Refuses a value this parameter does not allow, naming the value and what is allowed. */
    void check(Object v) {
        Allowed a = allowed;
        if (a != null && !a.admits(v)) {
            throw new ValueNotAllowedException(fullPath() + " = " + ValueType.abbreviate(v) + " is not allowed; allowed: "
                    + a.describe() + (unit.isEmpty() ? "" : " (" + unit + ")"));
        }
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
