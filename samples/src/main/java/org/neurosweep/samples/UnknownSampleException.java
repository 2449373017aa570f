package org.neurosweep.samples;

/** A sample name that is not one of the samples; the message lists those that exist. */
public class UnknownSampleException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnknownSampleException(String message) {
        super(message);
    }
}
