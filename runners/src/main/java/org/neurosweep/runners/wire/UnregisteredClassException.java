package org.neurosweep.runners.wire;

/** A class that must travel to workers but is not in the Kryo registry; the message says how to register it. */
public class UnregisteredClassException extends RunnerWireException {
    private static final long serialVersionUID = 1L;

    public UnregisteredClassException(String message, Throwable cause) {
        super(message, cause);
    }
}
