package org.neurosweep.simulator;

/** A parameter value outside what the model allows (a time constant <= 0, V_reset >= V_th, ...). */
public class BadParameterException extends SimulationException {
    private static final long serialVersionUID = 1L;

    public BadParameterException(String message) {
        super(message);
    }
}
