package org.neurosweep.simulator;

/** A device node: a generator (sends to neurons) or a recorder (receives from or samples neurons). */
abstract class Device {
    final int id;
    final String model;

    Device(int id, String model) {
        this.id = id;
        this.model = model;
    }

    /** Converts ms parameters to steps once the resolution is known. */
    abstract void prepare(Resolution resolution);

    /** Whether this device may be the source of a connection to a neuron. */
    abstract boolean sends();

    static double start(Params p) {
        return p.number("start", 0);
    }

    static double stop(Params p) {
        return p.number("stop", Double.POSITIVE_INFINITY);
    }

    static void checkWindow(String model, double start, double stop) {
        if (!(start >= 0) || !(stop >= start)) {
            throw new BadParameterException(model + ": need 0 <= start <= stop, got start = " + start + " ms, stop = " + stop + " ms");
        }
    }

    static long stopSteps(Resolution r, double stopMs) {
        return Double.isInfinite(stopMs) ? Long.MAX_VALUE / 4 : r.steps(stopMs);
    }
}
