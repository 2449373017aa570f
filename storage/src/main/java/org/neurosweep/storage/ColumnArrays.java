package org.neurosweep.storage;

import org.neurosweep.trajectory.ValueType;

/** Typed buffers for column writes: booleans as bytes, strings as {@code String[]}. */
final class ColumnArrays {
    private ColumnArrays() {
    }

    static Object allocate(ValueType type, int n) {
        switch (type) {
            case BOOLEAN:
                return new byte[n];
            case INT:
                return new int[n];
            case LONG:
                return new long[n];
            case DOUBLE:
                return new double[n];
            case STRING:
                return new String[n];
            default:
                throw new StorageException("no column of " + type.label() + " values");
        }
    }

    static void set(Object buffer, int i, Object value) {
        if (buffer instanceof byte[] b) {
            b[i] = (byte) (((Boolean) value) ? 1 : 0);
        } else if (buffer instanceof int[] a) {
            a[i] = (Integer) value;
        } else if (buffer instanceof long[] a) {
            a[i] = (Long) value;
        } else if (buffer instanceof double[] a) {
            a[i] = (Double) value;
        } else {
            ((String[]) buffer)[i] = (String) value;
        }
    }
}
