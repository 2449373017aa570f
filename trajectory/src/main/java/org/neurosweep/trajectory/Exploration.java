package org.neurosweep.trajectory;

import java.util.List;

/**
 * A table of run points: {@link #size()} rows, one column per explored parameter. Implementations
 * (the sweeps of the explore module) compute rows on demand, so a 10,000,000-point exploration costs
 * no memory per point. Row {@code i} of the first exploration is run {@code i} of the trajectory.
 */
public interface Exploration {
    /** The explored parameter names, one per column (full paths or unique short names). */
    List<String> names();

    /** The value type of each column. */
    List<ValueType> types();

    /** The number of points. */
    long size();

    /** The value of column {@code column} at point {@code point} (0-based). */
    Object value(long point, int column);
}
