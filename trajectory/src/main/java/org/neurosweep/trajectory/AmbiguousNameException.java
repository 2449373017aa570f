package org.neurosweep.trajectory;

/** A short name that matches more than one node; the message lists the candidates. */
public class AmbiguousNameException extends TrajectoryException {
    private static final long serialVersionUID = 1L;

    public AmbiguousNameException(String message) {
        super(message);
    }
}
