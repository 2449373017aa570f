package org.neurosweep.trajectory;

/** A value whose Java type is not one a leaf may hold. */
public class UnsupportedValueTypeException extends TrajectoryException {
    private static final long serialVersionUID = 1L;

    public UnsupportedValueTypeException(String message) {
        super(message);
    }
}
