package org.neurosweep.storage;

import java.util.List;
import org.neurosweep.trajectory.Exploration;
import org.neurosweep.trajectory.ValueType;

/** The explored values as stored: one column array per explored parameter, read when first needed. */
final class StoredExploration implements Exploration {
    interface ColumnSource {
        Object read(int column);
    }

    private final List<String> names;
    private final List<ValueType> types;
    private final long size;
    private final ColumnSource source;
    private final Object[] columns;

    StoredExploration(List<String> names, List<ValueType> types, long size, ColumnSource source) {
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

    /** Reads every column not read yet, so the exploration no longer needs the file. */
    void loadAll() {
        for (int c = 0; c < columns.length; c++) {
            column(c);
        }
    }

    @Override
    public Object value(long point, int column) {
        return JhdfValues.element(column(column), (int) point, types.get(column));
    }

    private Object column(int column) {
        Object c = columns[column];
        if (c == null) {
            synchronized (this) {
                c = columns[column];
                if (c == null) {
                    c = source.read(column);
                    columns[column] = c;
                }
            }
        }
        return c;
    }
}
