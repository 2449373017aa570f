package org.neurosweep.storage;

/** The root of the storage module's errors; the message names the file and what went wrong. */
public class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * This exception, raised on the writer thread, given the stack of the thread that rethrows it (the
     * writer's stack is kept as a suppressed note): tools that trim a stack to the caller's frames, such
     * as the {@code java File.java} launcher, otherwise fail on a stack with none of them.
     */
    StorageException onCallerThread() {
        Throwable writer = new Throwable("raised on the writer thread");
        writer.setStackTrace(getStackTrace());
        fillInStackTrace();
        addSuppressed(writer);
        return this;
    }
}
