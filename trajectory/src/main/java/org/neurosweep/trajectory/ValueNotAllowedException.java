package org.neurosweep.trajectory;

/** A value outside the values a parameter allows ({@link Parameter#allowed(double, double)}). */
public class ValueNotAllowedException extends TrajectoryException {
    private static final long serialVersionUID = 1L;

    public ValueNotAllowedException(String message) {
        super(message);
    }
}
