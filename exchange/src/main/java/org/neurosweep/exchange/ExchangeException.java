package org.neurosweep.exchange;

/** A round could not complete: a peer died, failed, timed out, or is unreachable; the message names it. */
public class ExchangeException extends RuntimeException {
    private final int peer;

    public ExchangeException(int peer, String message) {
        super(message);
        this.peer = peer;
    }

    public ExchangeException(int peer, String message, Throwable cause) {
        super(message, cause);
        this.peer = peer;
    }

    /** The rank of the process at fault, or -1 when none is known. */
    public int peer() {
        return peer;
    }
}
