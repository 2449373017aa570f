package org.neurosweep.simulator.devices;

import org.neurosweep.simulator.BadParameterException;
import org.neurosweep.simulator.Params;
import org.neurosweep.simulator.Resolution;

/**
 * A device's active period as NEST's stimulation and recording devices have it: {@code origin} (ms, default
 * 0) shifts {@code start} (default 0) and {@code stop} (default infinity), which are relative to it; each a
 * multiple of the resolution. In steps once the resolution is known: a spike-emitting device or a recorder
 * acts for times t with origin + start &lt; t &lt;= origin + stop.
 */
final class Window {
    final String model;
    final double originMs;
    final double startMs;
    final double stopMs;
    long originStep;
    long startStep;
    long stopStep;

    private Window(String model, double originMs, double startMs, double stopMs) {
        this.model = model;
        this.originMs = originMs;
        this.startMs = startMs;
        this.stopMs = stopMs;
    }

    /** Reads {@code origin} (default 0), {@code start} (default 0) and {@code stop} (default infinity). */
    static Window parse(String model, Params p) {
        return parse(model, p, 0, 0, Double.POSITIVE_INFINITY);
    }

    /** The window with the values given, else as they were (a change between simulate calls). */
    Window changed(Params p) {
        return parse(model, p, originMs, startMs, stopMs);
    }

    private static Window parse(String model, Params p, double defaultOrigin, double defaultStart, double defaultStop) {
        double origin = p.number("origin", defaultOrigin);
        double start = p.number("start", defaultStart);
        double stop = p.number("stop", defaultStop);
        if (!(origin >= 0) || Double.isInfinite(origin)) {
            throw new BadParameterException(model + ": origin = " + origin + " ms must be finite and not negative");
        }
        if (!(start >= 0) || !(stop >= start)) {
            throw new BadParameterException(model + ": need 0 <= start <= stop, got start = " + start + " ms, stop = " + stop + " ms");
        }
        return new Window(model, origin, start, stop);
    }

    /** Converts to steps; NEST refuses an origin, start or stop that is not a multiple of the resolution. */
    void prepare(Resolution r) {
        originStep = r.exactSteps(originMs, model + " origin");
        startStep = originStep + r.exactSteps(startMs, model + " start");
        stopStep = Double.isInfinite(stopMs) ? Long.MAX_VALUE / 4 : originStep + r.exactSteps(stopMs, model + " stop");
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
