package org.neurosweep.trajectory;

/** A value of the wrong type for the leaf, column or accessor it is given to. */
public class TypeMismatchException extends TrajectoryException {
    private static final long serialVersionUID = 1L;

    public TypeMismatchException(String message) {
        super(message);
    }
}
