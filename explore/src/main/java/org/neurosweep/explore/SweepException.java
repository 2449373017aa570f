package org.neurosweep.explore;

/** The root of the explore module's errors: a sweep that cannot be built; the message names the bad value. */
public class SweepException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SweepException(String message) {
        super(message);
    }
}
