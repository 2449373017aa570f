package org.neurosweep.simulator;

/**
 * A device's active period, NEST's (start, stop] in ms, and in steps once the resolution is known. A
 * device acts for times t with start &lt; t &lt;= stop.
 */
final class Window {
    final double startMs;
    final double stopMs;
    long startStep;
    long stopStep;

    private Window(double startMs, double stopMs) {
        this.startMs = startMs;
        this.stopMs = stopMs;
    }

    /** Reads {@code start} (default 0) and {@code stop} (default infinity) and checks 0 &lt;= start &lt;= stop. */
    static Window parse(String model, Params p) {
        return parse(model, p, 0, Double.POSITIVE_INFINITY);
    }

    /** The window with {@code start} and {@code stop} as given, else as they were (a change between simulate calls). */
    Window changed(String model, Params p) {
        return parse(model, p, startMs, stopMs);
    }

    private static Window parse(String model, Params p, double defaultStart, double defaultStop) {
        double start = p.number("start", defaultStart);
        double stop = p.number("stop", defaultStop);
        if (!(start >= 0) || !(stop >= start)) {
            throw new BadParameterException(model + ": need 0 <= start <= stop, got start = " + start + " ms, stop = " + stop + " ms");
        }
        return new Window(start, stop);
    }

    void prepare(Resolution r) {
        startStep = r.steps(startMs);
        stopStep = Double.isInfinite(stopMs) ? Long.MAX_VALUE / 4 : r.steps(stopMs);
    }

    /** Whether a stamp (the end of a step) lies in (start, stop]: when a spike-emitting device is active. */
    boolean contains(long stamp) {
        return stamp > startStep && stamp <= stopStep;
    }

    /**
     * Whether a current generator emits at this stamp: NEST's current generators are active for
     * start &lt;= stamp &lt; stop, so that, with delay d and the neuron using a step's current in the next
     * step, the current acts on the membrane during [start + d, stop + d).
     */
    boolean emitsCurrent(long stamp) {
        return stamp >= startStep && stamp < stopStep;
    }
}
