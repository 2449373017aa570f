package org.neurosweep.storage;

/**
 * Too little free space to commit more runs safely. The sink stops before writing, so the file stays
 * consistent with every completed run in it; free space and resume.
 */
public class DiskFullException extends StorageException {
    private static final long serialVersionUID = 1L;

    public DiskFullException(String message) {
        super(message);
    }

    public DiskFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
