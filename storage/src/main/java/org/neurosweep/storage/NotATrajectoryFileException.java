package org.neurosweep.storage;

import java.nio.file.Path;

/**
 * A file that cannot be read as a neurosweep trajectory: not HDF5, an HDF5 file without a trajectory,
 * truncated, or damaged. The message is one line: {@code FILE is not a readable neurosweep file: REASON}.
 */
public class NotATrajectoryFileException extends StorageException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public NotATrajectoryFileException(Path file, String reason, Throwable cause) {
        super(file + " is not a readable neurosweep file: " + reason, cause);
        this.reason = reason;
    }

    /** A file that is not there to be read, in a message of its own (one line). */
    NotATrajectoryFileException(String message, String reason) {
        super(message, null);
        this.reason = reason;
    }

    /** Why it cannot be read, short (e.g. "not an HDF5 file", "truncated: ..."). */
    public String reason() {
        return reason;
    }
}
