package org.neurosweep.trajectory;

/**
 * One value a run produced.
 *
 * @param branch  {@link Branch#RESULTS} or {@link Branch#DERIVED_PARAMETERS}
 * @param path    the path below the branch with wildcards resolved, e.g. {@code runs.run_set_00000.run_00000042.spikes},
 *                or the column name for a summary value, e.g. {@code rate}
 * @param type    the value's type
 * @param value   the value (arrays are owned by the record: do not change them)
 * @param comment free text, empty if none
 * @param summary whether the value is a scalar collected into the column {@code <branch>.summary.<path>}
 * @param unit    the value's unit, such as {@code "Hz"} or {@code "ms"} (NEST's units); empty if none
 */
public record RunValue(Branch branch, String path, ValueType type, Object value, String comment, boolean summary,
                       String unit) {
    public RunValue {
        comment = comment == null ? "" : comment;
        unit = unit == null ? "" : unit.trim();
    }

    /** A value without a unit. */
    public RunValue(Branch branch, String path, ValueType type, Object value, String comment, boolean summary) {
        this(branch, path, type, value, comment, summary, "");
    }

    /** The full dotted path in the trajectory tree. */
    public String fullPath() {
        return branch.groupName() + (summary ? ".summary." : ".") + path;
    }
}
