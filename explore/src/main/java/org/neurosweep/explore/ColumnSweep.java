package org.neurosweep.explore;

import java.util.List;
import java.util.function.LongFunction;
import org.neurosweep.trajectory.ValueType;

/** One parameter whose value at each point is computed by a function of the index. */
final class ColumnSweep extends Sweep {
    private final LongFunction<Object> valueAt;

    ColumnSweep(String name, ValueType type, long size, LongFunction<Object> valueAt) {
        super(List.of(name), List.of(type), size);
        this.valueAt = valueAt;
    }

    @Override
    Object valueAt(long point, int column) {
        return valueAt.apply(point);
    }
}
