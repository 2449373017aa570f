package org.neurosweep.runners.wire;

/** A message that cannot be written or read; the message says which class or frame and why. */
public class RunnerWireException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunnerWireException(String message, Throwable cause) {
        super(message, cause);
    }
}
