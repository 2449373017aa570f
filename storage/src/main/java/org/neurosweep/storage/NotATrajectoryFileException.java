package org.neurosweep.storage;

/** A file that is not HDF5, or an HDF5 file that holds no neurosweep trajectory. */
public class NotATrajectoryFileException extends StorageException {
    private static final long serialVersionUID = 1L;

    public NotATrajectoryFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
