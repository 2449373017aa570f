package org.neurosweep.trajectory;

/** A name that matches no node; the message lists the names that exist nearby. */
public class NoSuchNodeException extends TrajectoryException {
    private static final long serialVersionUID = 1L;

    public NoSuchNodeException(String message) {
        super(message);
    }
}
