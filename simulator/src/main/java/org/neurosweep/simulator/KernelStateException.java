package org.neurosweep.simulator;

/** A call at the wrong time: changing threads or VPs after nodes exist, simulating a negative time, using a closed kernel. */
public class KernelStateException extends SimulationException {
    private static final long serialVersionUID = 1L;

    public KernelStateException(String message) {
        super(message);
    }
}
