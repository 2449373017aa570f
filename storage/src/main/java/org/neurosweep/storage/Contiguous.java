package org.neurosweep.storage;

import hdf.hdf5lib.exceptions.HDF5Exception;
import java.lang.reflect.Array;

/** Writes values at sorted indices as few hyperslab writes as possible: one per run of consecutive indices. */
final class Contiguous {
    private Contiguous() {
    }

    /**
     * @param column  the column
     * @param indices sorted, distinct element indices
     * @param values  an array ({@code byte[]}, {@code int[]}, ...) holding the value for {@code indices[i]} at {@code i}
     * @param n       how many entries of {@code indices} and {@code values} to write
     */
    static void write(Column column, long[] indices, Object values, int n) throws HDF5Exception {
        int from = 0;
        while (from < n) {
            int to = from + 1;
            while (to < n && indices[to] == indices[to - 1] + 1) {
                to++;
            }
            Object slice = values;
            if (from != 0 || to != n || Array.getLength(values) != n) {
                slice = Array.newInstance(values.getClass().getComponentType(), to - from);
                System.arraycopy(values, from, slice, 0, to - from);
            }
            column.write(indices[from], slice, to - from);
            from = to;
        }
    }
}
