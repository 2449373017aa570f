package org.neurosweep.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.neurosweep.trajectory.Exploration;
import org.neurosweep.trajectory.Names;
import org.neurosweep.trajectory.TrajectoryException;
import org.neurosweep.trajectory.ValueType;

/**
 * A sweep over one or more parameters: a table of points computed on demand. Build one with the
 * factories below and combine them with {@link #product} (cartesian, first sweep slowest) and
 * {@link #zip} (same length, side by side). Sweeps are immutable and safe to share between threads.
 *
 * <pre>{@code
 * Sweep s = Sweep.product(Sweep.values("g", 3, 4, 5, 6), Sweep.arange("eta", 1, 5, 1)); // 16 points
 * trajectory.explore(s);
 * }</pre>
 */
public abstract class Sweep implements Exploration {
    private final List<String> names;
    private final List<ValueType> types;
    private final long size;

    Sweep(List<String> names, List<ValueType> types, long size) {
        this.names = List.copyOf(names);
        this.types = List.copyOf(types);
        this.size = size;
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new SweepException("parameter '" + n + "' appears twice in " + names + "; each may be explored once");
            }
        }
    }

    @Override
    public final List<String> names() {
        return names;
    }

    @Override
    public final List<ValueType> types() {
        return types;
    }

    @Override
    public final long size() {
        return size;
    }

    @Override
    public final Object value(long point, int column) {
        if (point < 0 || point >= size) {
            throw new SweepException("point " + point + " is outside this sweep of " + size + " points");
        }
        if (column < 0 || column >= names.size()) {
            throw new SweepException("column " + column + " is outside this sweep's columns " + names);
        }
        return valueAt(point, column);
    }

    /** The value at an index already checked. */
    abstract Object valueAt(long point, int column);

    /** Point {@code index} with every column's value. */
    public final RunPoint point(long index) {
        Object[] values = new Object[names.size()];
        for (int c = 0; c < values.length; c++) {
            values[c] = value(index, c);
        }
        return new RunPoint(index, names, Arrays.asList(values));
    }

    /** Every point in order, computed as it is reached. */
    public final Iterator<RunPoint> points() {
        return new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public RunPoint next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                return point(next++);
            }
        };
    }

    /** The cartesian product of this sweep (slower) and another (faster). */
    public final Sweep times(Sweep faster) {
        return product(this, faster);
    }

    // ---------------------------------------------------------------- factories

    /** One parameter taking the given values in order; mixed int/long/double widen to the widest. */
    public static Sweep values(String name, Object... values) {
        if (values == null) {
            throw new SweepException("the values of '" + name + "' may not be null");
        }
        return values(name, Arrays.asList(values));
    }

    /** One parameter taking the given values in order; mixed int/long/double widen to the widest. */
    public static Sweep values(String name, List<?> values) {
        checkName(name);
        if (values == null || values.isEmpty()) {
            throw new SweepException("the list of values of '" + name + "' is empty; give at least one value");
        }
        ValueType common = null;
        for (int i = 0; i < values.size(); i++) {
            ValueType t;
            try {
                t = ValueType.of(values.get(i));
            } catch (TrajectoryException e) {
                throw new SweepException("value " + i + " of '" + name + "': " + e.getMessage());
            }
            common = i == 0 ? t : widest(common, t, name, i, values.get(i));
        }
        List<Object> converted = new ArrayList<>(values.size());
        for (Object v : values) {
            converted.add(ValueType.copy(common.coerce(v, name)));
        }
        return new ColumnSweep(name, common, converted.size(), i -> ValueType.copy(converted.get((int) i)));
    }

    private static ValueType widest(ValueType a, ValueType b, String name, int position, Object value) {
        if (a == b) {
            return a;
        }
        if (a.accepts(b)) {
            return a;
        }
        if (b.accepts(a)) {
            return b;
        }
        throw new SweepException("value " + position + " of '" + name + "' (" + value + ") is " + b.label()
                + " but the values before it are " + a.label() + "; all values of a parameter must have one type");
    }

    /** {@code num} evenly spaced doubles from {@code start} to {@code stop}, both included (as numpy). */
    public static Sweep linspace(String name, double start, double stop, int num) {
        checkName(name);
        if (num < 1) {
            throw new SweepException("linspace of '" + name + "' needs num >= 1, got " + num);
        }
        if (!Double.isFinite(start) || !Double.isFinite(stop)) {
            throw new SweepException("linspace of '" + name + "' needs finite ends, got " + start + " and " + stop);
        }
        double step = num == 1 ? 0 : (stop - start) / (num - 1);
        return new ColumnSweep(name, ValueType.DOUBLE, num, i -> num > 1 && i == num - 1 ? stop : start + i * step);
    }

    /** Integers from {@code start} by {@code step}, {@code stop} excluded (as numpy's arange). */
    public static Sweep arange(String name, int start, int stop, int step) {
        long n = arangeCount(name, start, stop, step);
        return new ColumnSweep(name, ValueType.INT, n, i -> (int) (start + i * step));
    }

    /** Longs from {@code start} by {@code step}, {@code stop} excluded (as numpy's arange). */
    public static Sweep arange(String name, long start, long stop, long step) {
        long n = arangeCount(name, start, stop, step);
        return new ColumnSweep(name, ValueType.LONG, n, i -> start + i * step);
    }

    /** Doubles from {@code start} by {@code step}, {@code stop} excluded (as numpy's arange). */
    public static Sweep arange(String name, double start, double stop, double step) {
        checkName(name);
        if (!Double.isFinite(start) || !Double.isFinite(stop) || !Double.isFinite(step) || step == 0) {
            throw new SweepException("arange of '" + name + "' needs finite start, stop and a non-zero step; got "
                    + start + ":" + stop + ":" + step);
        }
        long n = (long) Math.ceil((stop - start) / step);
        if (n <= 0) {
            throw new SweepException("arange " + start + ":" + stop + ":" + step + " of '" + name
                    + "' is empty; stop is excluded and step must lead from start towards stop");
        }
        return new ColumnSweep(name, ValueType.DOUBLE, n, i -> start + i * step);
    }

    private static long arangeCount(String name, long start, long stop, long step) {
        checkName(name);
        if (step == 0) {
            throw new SweepException("arange of '" + name + "' needs a non-zero step");
        }
        long n = Math.floorDiv(stop - start + step + (step > 0 ? -1 : 1), step);
        if (n <= 0) {
            throw new SweepException("arange " + start + ":" + stop + ":" + step + " of '" + name
                    + "' is empty; stop is excluded and step must lead from start towards stop");
        }
        return n;
    }

    /** {@code n} points drawn uniformly from the intervals, reproducible from {@code seed}. */
    public static Sweep uniform(long n, long seed, Interval... intervals) {
        return new RandomSweep(n, seed, checkIntervals(intervals), false);
    }

    /**
     * {@code n} Latin-hypercube points over the intervals, reproducible from {@code seed}: each interval is
     * cut into {@code n} equal strata and every stratum of every parameter holds exactly one point.
     */
    public static Sweep latinHypercube(int n, long seed, Interval... intervals) {
        return new RandomSweep(n, seed, checkIntervals(intervals), true);
    }

    private static List<Interval> checkIntervals(Interval... intervals) {
        if (intervals == null || intervals.length == 0) {
            throw new SweepException("give at least one interval to sample");
        }
        return List.of(intervals);
    }

    /** The cartesian product: the first sweep changes slowest, the last fastest (as pypet). */
    public static Sweep product(Sweep... sweeps) {
        return new ProductSweep(checkParts("product", sweeps));
    }

    /** The sweeps side by side: point {@code i} takes point {@code i} of each; all must have the same size. */
    public static Sweep zip(Sweep... sweeps) {
        return new ZipSweep(checkParts("zip", sweeps));
    }

    private static List<Sweep> checkParts(String what, Sweep... sweeps) {
        if (sweeps == null || sweeps.length == 0) {
            throw new SweepException(what + " needs at least one sweep");
        }
        for (Sweep s : sweeps) {
            if (s == null) {
                throw new SweepException(what + " was given a null sweep");
            }
        }
        return List.of(sweeps);
    }

    static void checkName(String name) {
        try {
            Names.split(name);
        } catch (TrajectoryException e) {
            throw new SweepException(e.getMessage());
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + names + " (" + size + " points)";
    }
}
