package org.neurosweep.trajectory;

/** Where a run is in its life, as shown in the run table. */
public enum RunStatus {
    PENDING, RUNNING, COMPLETED, FAILED;

    /** Lower-case name, as stored and shown. */
    public String label() {
        return name().toLowerCase();
    }
}
