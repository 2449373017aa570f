package org.neurosweep.trajectory;

/** An exploration that does not fit the trajectory: unknown or non-parameter names, wrong types, a second exploration, an expansion over other parameters. */
public class ExplorationException extends TrajectoryException {
    private static final long serialVersionUID = 1L;

    public ExplorationException(String message) {
        super(message);
    }
}
