package org.neurosweep.simulator;

/**
 * A device that sends a current (pA) to neurons, as NEST's current generators do: the value stamped T
 * (start &lt;= T &lt; stop, T &gt;= h) acts on a target's membrane during [T + d, T + d + h) for a connection
 * of delay d, times the connection's weight.
 */
abstract class CurrentGenerator extends Device {
    Window window;

    CurrentGenerator(int id, String model) {
        super(id, model);
    }

    /** The current (pA) this generator sends with stamp {@code stamp}, ignoring its window. */
    abstract double valueAt(long stamp);

    @Override
    boolean sends() {
        return true;
    }
}
