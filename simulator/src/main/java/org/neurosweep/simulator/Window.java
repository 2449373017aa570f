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
     * Whether a current generator emits a value stamped {@code stamp} (NEST records it with that stamp): for
     * start &lt;= stamp &lt; stop and stamp &gt;= 1 step (the first value of a simulation is stamped h). With
     * delay d, and the neuron using a step's current in the next step, the value acts on the membrane during
     * [stamp + d, stamp + d + h): for start 2.0 ms and d 1.0 ms, V_m first changes at 3.1 ms; for start 0 and
     * d 0.1 ms at 0.3 ms, as in NEST's reference tables.
     */
    boolean emitsCurrent(long stamp) {
        return stamp >= Math.max(1, startStep) && stamp < stopStep;
    }
}
