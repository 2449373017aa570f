package org.neurosweep.runners;

/** The root of the runners' errors: a sweep that cannot be run; the message says what and why. */
public class RunnerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RunnerException(String message) {
        super(message);
    }

    public RunnerException(String message, Throwable cause) {
        super(message, cause);
    }
}
