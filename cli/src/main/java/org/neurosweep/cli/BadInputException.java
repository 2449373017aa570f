package org.neurosweep.cli;

/**
 * An input file that cannot be used (not HDF5, truncated, damaged, no trajectory in it): exit status 2,
 * as for bad arguments, but the one-line message says it all, so no usage hint follows it.
 */
final class BadInputException extends UsageException {
    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
        super(message);
    }
}
