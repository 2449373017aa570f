package org.neurosweep.simulator;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Reads NEST-style parameter dictionaries at the API edge into typed values; nothing past here is string-keyed. */
public final class Params {
    private final String model;
    private final Map<String, ?> given;

    public Params(String model, Map<String, ?> given, List<String> known) {
        this.model = model;
        this.given = given == null ? Map.of() : given;
        for (String key : this.given.keySet()) {
            if (!known.contains(key)) {
                throw new UnknownNameException("model " + model + " has no parameter '" + key + "'; its parameters: "
                        + new TreeSet<>(known));
            }
        }
    }

    public double number(String name, double defaultValue) {
        Object v = given.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d)) {
                throw new BadParameterException(model + ": " + name + " is NaN; give a number");
            }
            return d;
        }
        throw new BadParameterException(model + ": " + name + " = " + v + " is not a number");
    }

    public boolean bool(String name, boolean defaultValue) {
        Object v = given.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new BadParameterException(model + ": " + name + " = " + v + " is not true or false");
    }

    public String string(String name, String defaultValue) {
        Object v = given.get(name);
        return v == null ? defaultValue : v.toString();
    }

    public double[] numbers(String name) {
        Object v = given.get(name);
        if (v == null) {
            return new double[0];
        }
        if (v instanceof double[] a) {
            return a.clone();
        }
        if (v instanceof List<?> list) {
            double[] out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Number n)) {
                    throw new BadParameterException(model + ": " + name + "[" + i + "] = " + list.get(i) + " is not a number");
                }
                out[i] = n.doubleValue();
            }
            return out;
        }
        throw new BadParameterException(model + ": " + name + " must be a list of numbers, got " + v);
    }

    public String[] strings(String name, String[] defaultValue) {
        Object v = given.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof String[] a) {
            return a.clone();
        }
        if (v instanceof List<?> list) {
            return list.stream().map(Object::toString).toArray(String[]::new);
        }
        return new String[] {v.toString()};
    }

    /** Values by name, in the order of {@code names}: a parameter record written back as NEST names it. */
    public static Map<String, Object> named(List<String> names, double... values) {
        if (names.size() != values.length) {
            throw new IllegalArgumentException(names.size() + " names for " + values.length + " values");
        }
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int k = 0; k < values.length; k++) {
            m.put(names.get(k), values[k]);
        }
        return m;
    }

    public static void positive(String model, String name, double value, String unit) {
        if (!(value > 0)) {
            throw new BadParameterException(model + ": " + name + " = " + value + " " + unit + " must be positive");
        }
    }

    public static void nonNegative(String model, String name, double value, String unit) {
        if (!(value >= 0)) {
            throw new BadParameterException(model + ": " + name + " = " + value + " " + unit + " must not be negative");
        }
    }
}
