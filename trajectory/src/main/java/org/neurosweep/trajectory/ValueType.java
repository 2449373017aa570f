package org.neurosweep.trajectory;

import java.util.Arrays;
import java.util.Objects;

/**
 * The closed set of value types a leaf of the trajectory may hold. Scalars are stored boxed
 * ({@link Boolean}, {@link Integer}, {@link Long}, {@link Double}, {@link String}); arrays are the
 * primitive 1-D arrays.
 */
public enum ValueType {
    BOOLEAN("boolean", Boolean.class),
    INT("int", Integer.class),
    LONG("long", Long.class),
    DOUBLE("double", Double.class),
    STRING("string", String.class),
    INT_ARRAY("int[]", int[].class),
    LONG_ARRAY("long[]", long[].class),
    DOUBLE_ARRAY("double[]", double[].class);

    private static final String ALLOWED =
            "boolean, int, long, double, String, int[], long[], double[]";

    private final String label;
    private final Class<?> javaClass;

    ValueType(String label, Class<?> javaClass) {
        this.label = label;
        this.javaClass = javaClass;
    }

    /** The short name used in messages, tables and the HDF5 {@code type} attribute. */
    public String label() {
        return label;
    }

    /** The Java class of values of this type (boxed for scalars). */
    public Class<?> javaClass() {
        return javaClass;
    }

    public boolean isScalar() {
        return ordinal() <= STRING.ordinal();
    }

    public boolean isArray() {
        return !isScalar();
    }

    public boolean isNumeric() {
        return this == INT || this == LONG || this == DOUBLE;
    }

    /** The type with the given {@link #label()}. */
    public static ValueType fromLabel(String label) {
        for (ValueType t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        throw new UnsupportedValueTypeException("unknown value type '" + label + "'; allowed: " + ALLOWED);
    }

    /**
     * The type of a value.
     *
     * @throws UnsupportedValueTypeException naming the value's class and the allowed types
     */
    public static ValueType of(Object value) {
        if (value == null) {
            throw new UnsupportedValueTypeException("a value may not be null; allowed types: " + ALLOWED);
        }
        Class<?> c = value.getClass();
        for (ValueType t : values()) {
            if (t.javaClass == c) {
                return t;
            }
        }
        throw new UnsupportedValueTypeException(
                "unsupported value type " + c.getTypeName() + " (value " + abbreviate(value) + "); allowed: " + ALLOWED);
    }

    /** Whether a value of type {@code from} can be stored in a leaf of this type without loss. */
    public boolean accepts(ValueType from) {
        return from == this
                || (this == LONG && from == INT)
                || (this == DOUBLE && (from == INT || from == LONG));
    }

    /**
     * Converts a value to this type, widening int to long and int/long to double.
     *
     * @throws TypeMismatchException naming the value, its type and this type
     */
    public Object coerce(Object value, String where) {
        ValueType from = of(value);
        if (from == this) {
            return value;
        }
        if (!accepts(from)) {
            throw new TypeMismatchException(where + ": value " + abbreviate(value) + " is " + from.label
                    + " but " + label + " is required");
        }
        if (this == LONG) {
            return ((Integer) value).longValue();
        }
        return ((Number) value).doubleValue();
    }

    /**
     * Parses text as a value of this type (scalars only), as given on a command line.
     *
     * @throws TypeMismatchException naming the text and the type
     */
    public Object parse(String text, String where) {
        String s = text.trim();
        try {
            switch (this) {
                case BOOLEAN:
                    if (s.equalsIgnoreCase("true")) {
                        return Boolean.TRUE;
                    }
                    if (s.equalsIgnoreCase("false")) {
                        return Boolean.FALSE;
                    }
                    throw new NumberFormatException();
                case INT:
                    return Integer.parseInt(s);
                case LONG:
                    return Long.parseLong(s);
                case DOUBLE:
                    return Double.parseDouble(s);
                case STRING:
                    return text;
                default:
                    throw new TypeMismatchException(where + ": values of type " + label + " cannot be given as text");
            }
        } catch (NumberFormatException e) {
            throw new TypeMismatchException(where + ": '" + text + "' is not a valid " + label
                    + (this == BOOLEAN ? " (true or false)" : ""));
        }
    }

    /** A defensive copy: arrays are cloned, scalars are immutable and returned as they are. */
    public static Object copy(Object value) {
        if (value instanceof int[]) {
            return ((int[]) value).clone();
        } else if (value instanceof long[]) {
            return ((long[]) value).clone();
        } else if (value instanceof double[]) {
            return ((double[]) value).clone();
        }
        return value;
    }

    /** Value equality that compares arrays by content and doubles bitwise. */
    public static boolean valuesEqual(Object a, Object b) {
        if (a instanceof int[] && b instanceof int[]) {
            return Arrays.equals((int[]) a, (int[]) b);
        } else if (a instanceof long[] && b instanceof long[]) {
            return Arrays.equals((long[]) a, (long[]) b);
        } else if (a instanceof double[] && b instanceof double[]) {
            return Arrays.equals((double[]) a, (double[]) b);
        }
        return Objects.equals(a, b);
    }

    /** A readable rendering of any allowed value. */
    public static String format(Object value) {
        if (value instanceof int[]) {
            return Arrays.toString((int[]) value);
        } else if (value instanceof long[]) {
            return Arrays.toString((long[]) value);
        } else if (value instanceof double[]) {
            return Arrays.toString((double[]) value);
        }
        return String.valueOf(value);
    }

    /** The value as a short text: arrays show their first elements and length. */
    public static String abbreviate(Object value) {
        String s = value instanceof String ? "'" + value + "'" : format(value);
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
