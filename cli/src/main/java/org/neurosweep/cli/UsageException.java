package org.neurosweep.cli;

/** Bad command-line arguments: exit status 2, with a message naming the argument. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
