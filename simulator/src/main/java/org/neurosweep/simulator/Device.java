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

}
