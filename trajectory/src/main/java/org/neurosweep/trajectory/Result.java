package org.neurosweep.trajectory;

/** A result leaf added outside runs (results of runs travel in {@link RunRecord}s). */
public final class Result extends Leaf {
    private final Object value;

    Result(String name, String fullPath, ValueType type, Object value, String comment) {
        super(name, fullPath, Branch.RESULTS, type, comment);
        this.value = ValueType.copy(value);
    }

    @Override
    public Object value() {
        return ValueType.copy(value);
    }
}
