package org.neurosweep.simulator;

/** An unknown model, parameter, recordable or connection rule; the message lists the known ones. */
public class UnknownNameException extends SimulationException {
    private static final long serialVersionUID = 1L;

    public UnknownNameException(String message) {
        super(message);
    }
}
