package org.neurosweep.simulator;

/** A connection that cannot be made: into a device that receives nothing, a delay off the grid, a rule that cannot be satisfied. */
public class BadConnectionException extends SimulationException {
    private static final long serialVersionUID = 1L;

    public BadConnectionException(String message) {
        super(message);
    }
}
