package org.neurosweep.storage;

/**
 * A merge refused or failed ({@link Merge}): its message is "merge: " and the reason, which {@link #reason} gives
 * alone, for callers that say themselves what they were doing ({@code neurosweep merge}, reading files as one).
 */
public class MergeException extends StorageException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    MergeException(String reason) {
        this(reason, null);
    }

    MergeException(String reason, Throwable cause) {
        super("merge: " + reason, cause);
        this.reason = reason;
    }

    /** What went wrong, without the "merge: " the message starts with. */
    public String reason() {
        return reason;
    }
}
