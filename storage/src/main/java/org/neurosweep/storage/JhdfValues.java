package org.neurosweep.storage;

import io.jhdf.api.Dataset;
import org.neurosweep.trajectory.ValueType;

/** Converts what jHDF returns into neurosweep's value types. */
final class JhdfValues {
    private JhdfValues() {
    }

    /** The value type a dataset holds, from its element class and rank. */
    static ValueType typeOf(Dataset d) {
        Class<?> c = d.getJavaType();
        boolean scalar = d.isScalar();
        if (c == String.class) {
            return ValueType.STRING;
        } else if (c == byte.class || c == Byte.class) {
            return ValueType.BOOLEAN;
        } else if (c == int.class || c == Integer.class) {
            return scalar ? ValueType.INT : ValueType.INT_ARRAY;
        } else if (c == long.class || c == Long.class) {
            return scalar ? ValueType.LONG : ValueType.LONG_ARRAY;
        } else if (c == double.class || c == Double.class) {
            return scalar ? ValueType.DOUBLE : ValueType.DOUBLE_ARRAY;
        }
        throw new StorageException(d.getPath() + " holds " + c + ", which is not a neurosweep value type");
    }

    /** A whole dataset as a value of {@code type}. */
    static Object value(Dataset d, ValueType type) {
        if (type.isArray() && d.isEmpty()) {
            return type == ValueType.INT_ARRAY ? new int[0] : type == ValueType.LONG_ARRAY ? new long[0] : new double[0];
        }
        Object data = GlobalHeapCheck.data(d);
        if (type.isArray()) {
            return data;
        }
        if (data instanceof String t) {
            text(t);
        }
        return element(data instanceof String[] ? column(data, type) : data, 0, type);
    }

    /** Element {@code i} of an array (or the scalar itself) as a boxed value of scalar {@code type}. */
    static Object element(Object data, int i, ValueType type) {
        Object raw;
        if (data instanceof byte[] a) {
            raw = a[i];
        } else if (data instanceof int[] a) {
            raw = a[i];
        } else if (data instanceof long[] a) {
            raw = a[i];
        } else if (data instanceof double[] a) {
            raw = a[i];
        } else if (data instanceof Object[] a) {
            raw = a[i];
        } else {
            raw = data;
        }
        if (type == ValueType.BOOLEAN) {
            return ((Number) raw).byteValue() != 0;
        }
        return raw;
    }

    /** A column as neurosweep's array type: booleans become {@code boolean[]}. */
    static Object column(Object data, ValueType type) {
        if (type == ValueType.BOOLEAN && data instanceof byte[] b) {
            boolean[] out = new boolean[b.length];
            for (int i = 0; i < b.length; i++) {
                out[i] = b[i] != 0;
            }
            return out;
        }
        if (data instanceof String[] texts) {
            for (String t : texts) {
                text(t);
            }
        }
        return data;
    }

    /**
     * A stored text, refused if it holds a NUL character: HDF5 strings end at the first NUL, so no text
     * neurosweep writes has one, and the bytes of a zeroed global heap (where texts live, without a
     * checksum) read as NULs.
     */
    static String text(String t) {
        if (t != null && t.indexOf('\0') >= 0) {
            throw new IllegalStateException("a stored text holds NUL bytes (zeroed)");
        }
        return t;
    }
}
