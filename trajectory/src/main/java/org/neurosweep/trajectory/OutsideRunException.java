package org.neurosweep.trajectory;

/** A run wildcard ($ or $set) used where there is no current run. */
public class OutsideRunException extends TrajectoryException {
    private static final long serialVersionUID = 1L;

    public OutsideRunException(String message) {
        super(message);
    }
}
