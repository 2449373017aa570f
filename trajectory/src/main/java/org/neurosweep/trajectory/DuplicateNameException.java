package org.neurosweep.trajectory;

/** A name that already exists, or that collides with a group or leaf of that name. */
public class DuplicateNameException extends TrajectoryException {
    private static final long serialVersionUID = 1L;

    public DuplicateNameException(String message) {
        super(message);
    }
}
