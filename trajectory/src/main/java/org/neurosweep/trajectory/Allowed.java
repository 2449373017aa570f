package org.neurosweep.trajectory;

import java.util.List;

/**
 * The values a parameter allows, declared with {@link Parameter#allowed(double, double)} or
 * {@link Parameter#allowed(Object...)} and checked whenever its default is set and for every explored
 * value, so that a bad value is refused before the first run.
 */
public sealed interface Allowed {
    /** Whether the value (of the parameter's type) is allowed. */
    boolean admits(Object value);

    /** What is allowed, as a user reads it: {@code "0.1 to 1000"} or {@code "one of a, b"}. */
    String describe();

    /** Numbers from {@code min} to {@code max}, both included (NaN is never allowed). */
    record Interval(double min, double max) implements Allowed {
        public Interval {
            if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
                throw new IllegalArgumentException("an allowed interval needs min <= max, got " + min + " to " + max);
            }
        }

        @Override
        public boolean admits(Object value) {
            double v = ((Number) value).doubleValue();
            return v >= min && v <= max;
        }

        @Override
        public String describe() {
            return number(min) + " to " + number(max);
        }

        private static String number(double d) {
            if (d == Double.POSITIVE_INFINITY) {
                return "inf";
            }
            if (d == Double.NEGATIVE_INFINITY) {
                return "-inf";
            }
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
    }

    /** One of a list of values. */
    record OneOf(List<Object> values) implements Allowed {
        public OneOf {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a list of allowed values needs at least one value");
            }
        }

        @Override
        public boolean admits(Object value) {
            return values.contains(value);
        }

        @Override
        public String describe() {
            StringBuilder b = new StringBuilder("one of ");
            for (int i = 0; i < values.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(values.get(i));
            }
            return b.toString();
        }
    }
}
