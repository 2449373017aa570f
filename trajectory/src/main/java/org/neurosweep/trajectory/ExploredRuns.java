package org.neurosweep.trajectory;

import java.util.ArrayList;
import java.util.List;

/**
 * The explored values of every run: the first exploration followed by every expansion, each a segment
 * of consecutive run indices. Nothing is materialised: a value is computed from its segment on demand.
 */
final class ExploredRuns {
    private record Segment(Exploration points, long firstRun, int[] sourceColumn, boolean[] needsCoercion) {
    }

    private final List<Parameter> parameters;
    private final List<Segment> segments = new ArrayList<>(2);
    private volatile long size;

    ExploredRuns(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    List<Parameter> parameters() {
        return parameters;
    }

    long size() {
        return size;
    }

    /** Appends an exploration whose column {@code sourceColumn[c]} feeds parameter {@code c}. */
    synchronized void append(Exploration points, int[] sourceColumn) {
        boolean[] coerce = new boolean[sourceColumn.length];
        for (int c = 0; c < sourceColumn.length; c++) {
            coerce[c] = points.types().get(sourceColumn[c]) != parameters.get(c).type();
        }
        long first = size;
        long newSize;
        try {
            newSize = Math.addExact(first, points.size());
        } catch (ArithmeticException e) {
            throw new ExplorationException("the expansion would make more than " + Long.MAX_VALUE + " runs");
        }
        segments.add(new Segment(points, first, sourceColumn, coerce));
        size = newSize;
    }

    Object value(long run, int column) {
        if (run < 0 || run >= size) {
            throw new NoSuchNodeException("run " + run + " does not exist; the trajectory has " + size
                    + " runs (0.." + (size - 1) + ")");
        }
        Segment s = segmentOf(run);
        Object v = s.points.value(run - s.firstRun, s.sourceColumn[column]);
        return s.needsCoercion[column] ? parameters.get(column).type().coerce(v, parameters.get(column).fullPath()) : v;
    }

    private Segment segmentOf(long run) {
        for (int i = segments.size() - 1; i > 0; i--) {
            Segment s = segments.get(i);
            if (run >= s.firstRun) {
                return s;
            }
        }
        return segments.get(0);
    }
}
