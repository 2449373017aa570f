package org.neurosweep.postprocess;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.neurosweep.storage.StoredRuns;
import org.neurosweep.storage.TrajectoryReader;
import org.neurosweep.trajectory.Branch;
import org.neurosweep.trajectory.NoSuchNodeException;
import org.neurosweep.trajectory.Parameter;
import org.neurosweep.trajectory.RunStatus;
import org.neurosweep.trajectory.Trajectory;
import org.neurosweep.trajectory.ValueType;

/**
 * The runs a table keeps: {@code name=value} conditions, all of which a run must meet, each on an
 * explored parameter or on a scalar result (which only completed runs have). A value is parsed as the
 * parameter's or result's type and numbers compare with a relative tolerance of 1e-9, so {@code g=0.3}
 * finds the run whose g is 0.1 * 3. A condition no run meets is refused with the values that exist:
 * an empty table would not say whether the value was mistyped.
 */
final class RunFilter {
    /** Values listed when a condition matches no run. */
    private static final int SHOWN_VALUES = 6;

    private record Condition(IntFunction<Object> valueOf, Object wanted) {
        boolean matches(int run) {
            return same(valueOf.apply(run), wanted);
        }
    }

    private final List<Condition> conditions;

    private RunFilter(List<Condition> conditions) {
        this.conditions = conditions;
    }

    /**
     * @param read summary columns the caller has read already, by name (read again here only if missing)
     * @throws IllegalArgumentException naming the condition: an unknown name, a value of the wrong type, or
     *                                  a value no run has
     */
    static RunFilter of(TrajectoryReader reader, StoredRuns runs, Map<String, String> where, Map<String, Object> read) {
        List<Condition> conditions = new ArrayList<>();
        List<String> results = where.isEmpty() ? List.of() : reader.summaryNames(Branch.RESULTS);
        for (Map.Entry<String, String> w : where.entrySet()) {
            Condition c = condition(reader, runs, results, read, w.getKey(), w.getValue());
            requireSomeRun(c, runs.size(), w.getKey(), w.getValue());
            conditions.add(c);
        }
        return new RunFilter(conditions);
    }

    boolean matches(int run) {
        for (Condition c : conditions) {
            if (!c.matches(run)) {
                return false;
            }
        }
        return true;
    }

    private static Condition condition(TrajectoryReader reader, StoredRuns runs, List<String> results, Map<String, Object> read,
                                       String name, String text) {
        String where = "where " + name + "=" + text;
        Trajectory t = reader.trajectory();
        Parameter p = parameterOrNull(t, name);
        if (p != null && p.isExplored()) {
            Object wanted = p.type().parse(text, where);
            return new Condition(p::valueInRun, wanted);
        }
        if (p == null && results.contains(name)) {
            Object column = read.containsKey(name) ? read.get(name) : reader.summaryColumn(name);
            Object wanted = typeOf(column).parse(text, where);
            return new Condition(run -> runs.status(run) == RunStatus.COMPLETED ? Array.get(column, run) : null, wanted);
        }
        String names = "; explored: " + t.exploredParameters().stream().map(Parameter::name).toList() + ", results: " + results;
        if (p != null) {
            throw new IllegalArgumentException(where + ": " + name + " is not explored (every run has " + name + " = "
                    + ValueType.format(p.value()) + ")" + names);
        }
        throw new IllegalArgumentException(where + ": no explored parameter or result named '" + name + "'" + names);
    }

    private static Parameter parameterOrNull(Trajectory t, String name) {
        try {
            return t.parameter(name);
        } catch (NoSuchNodeException e) {
            return null;
        }
    }

    private static ValueType typeOf(Object column) {
        if (column instanceof double[]) {
            return ValueType.DOUBLE;
        } else if (column instanceof long[]) {
            return ValueType.LONG;
        } else if (column instanceof int[]) {
            return ValueType.INT;
        } else if (column instanceof boolean[]) {
            return ValueType.BOOLEAN;
        }
        return ValueType.STRING;
    }

    private static void requireSomeRun(Condition c, int runs, String name, String text) {
        for (int run = 0; run < runs; run++) {
            if (c.matches(run)) {
                return;
            }
        }
        TreeSet<Object> values = new TreeSet<>(RunFilter::compare); // only to say what exists: no run matched
        for (int run = 0; run < runs; run++) {
            Object v = c.valueOf().apply(run);
            if (v != null) {
                values.add(v);
            }
        }
        StringJoiner shown = new StringJoiner(", ");
        values.stream().limit(SHOWN_VALUES).forEach(v -> shown.add(RunTable.format(v)));
        String more = values.size() > SHOWN_VALUES ? ", … (" + values.size() + " values)" : "";
        throw new IllegalArgumentException("where " + name + "=" + text + ": no run has " + name + " = " + text
                + (values.isEmpty() ? "; no run has a value of " + name : "; values: " + shown + more));
    }

    /** Equal as numbers within a relative 1e-9 (NaN equals NaN), otherwise equal as values. */
    private static boolean same(Object v, Object wanted) {
        if (v instanceof Number a && wanted instanceof Number b) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            return x == y || (Double.isNaN(x) && Double.isNaN(y)) || Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x));
        }
        return v != null && v.equals(wanted);
    }

    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return Comparator.<String>naturalOrder().compare(String.valueOf(a), String.valueOf(b));
    }
}
