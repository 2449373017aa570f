package org.neurosweep.trajectory;

/** An attempt to change a parameter that is explored or was used by a run. */
public class LockedParameterException extends TrajectoryException {
    private static final long serialVersionUID = 1L;

    public LockedParameterException(String message) {
        super(message);
    }
}
