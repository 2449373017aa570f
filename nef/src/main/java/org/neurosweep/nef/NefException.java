package org.neurosweep.nef;

/** A model that cannot be built or run; the message names the bad value and what is allowed. */
public class NefException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NefException(String message) {
        super(message);
    }
}
