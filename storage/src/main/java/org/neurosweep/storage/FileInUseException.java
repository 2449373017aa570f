package org.neurosweep.storage;

/** A second writer on a file that is already open for writing, in this process or another. */
public class FileInUseException extends StorageException {
    private static final long serialVersionUID = 1L;

    public FileInUseException(String message, Throwable cause) {
        super(message, cause);
    }
}
