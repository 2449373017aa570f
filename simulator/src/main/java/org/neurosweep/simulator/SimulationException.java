package org.neurosweep.simulator;

/** The root of the simulator's errors; messages name the bad value and what is allowed. */
public class SimulationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SimulationException(String message) {
        super(message);
    }

    public SimulationException(String message, Throwable cause) {
        super(message, cause);
    }
}
