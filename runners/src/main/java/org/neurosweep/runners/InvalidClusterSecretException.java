package org.neurosweep.runners;

/** A cluster secret that cannot be used: not a key and certificate, or a file other users may read. */
public class InvalidClusterSecretException extends RunnerException {
    private static final long serialVersionUID = 1L;

    public InvalidClusterSecretException(String message) {
        super(message);
    }
}
