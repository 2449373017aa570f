package org.neurosweep.trajectory;

import java.lang.reflect.Array;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Explored values held as one array per column ({@code boolean[]}, {@code int[]}, {@code long[]},
 * {@code double[]} or {@code String[]}), each fetched when first needed: the form a stored trajectory
 * or a trajectory sent to a worker takes.
 */
public final class ArrayExploration implements Exploration {
    private final List<String> names;
    private final List<ValueType> types;
    private final long size;
    private final IntFunction<Object> source;
    private final Object[] columns;

    /**
     * @param names  the explored parameters' full paths
     * @param types  their types
     * @param size   the number of points
     * @param source column index to that column's array, called at most once per column
     */
    public ArrayExploration(List<String> names, List<ValueType> types, long size, IntFunction<Object> source) {
        this.names = List.copyOf(names);
        this.types = List.copyOf(types);
        this.size = size;
        this.source = source;
        this.columns = new Object[names.size()];
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public List<ValueType> types() {
        return types;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public Object value(long point, int column) {
        return Array.get(column(column), (int) point);
    }

    /** Fetches every column not fetched yet, so that the exploration no longer needs its source. */
    public void loadAll() {
        for (int c = 0; c < columns.length; c++) {
            column(c);
        }
    }

    private Object column(int c) {
        Object col = columns[c];
        if (col == null) {
            synchronized (this) {
                col = columns[c];
                if (col == null) {
                    col = source.apply(c);
                    columns[c] = col;
                }
            }
        }
        return col;
    }
}
