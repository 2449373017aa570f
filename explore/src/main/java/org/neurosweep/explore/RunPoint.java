package org.neurosweep.explore;

import java.util.List;

/**
 * One point of a sweep: its index and the value of every column.
 *
 * @param index  the point's index, from 0
 * @param names  the column names
 * @param values the value of each column
 */
public record RunPoint(long index, List<String> names, List<Object> values) {
    /** The value of the column with this name. */
    public Object value(String name) {
        int c = names.indexOf(name);
        if (c < 0) {
            throw new SweepException("point " + index + " has no column '" + name + "'; it has " + names);
        }
        return values.get(c);
    }
}
