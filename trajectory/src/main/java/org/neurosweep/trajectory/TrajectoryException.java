package org.neurosweep.trajectory;

/** The root of every error raised by the trajectory model; messages name the bad value and what is allowed. */
public class TrajectoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrajectoryException(String message) {
        super(message);
    }
}
