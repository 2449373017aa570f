package org.neurosweep.trajectory;

/** A name or path that is not made of valid identifiers, or uses a wildcard where none is allowed. */
public class InvalidNameException extends TrajectoryException {
    private static final long serialVersionUID = 1L;

    public InvalidNameException(String message) {
        super(message);
    }
}
