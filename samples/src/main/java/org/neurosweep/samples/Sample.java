package org.neurosweep.samples;

import org.neurosweep.explore.Sweep;
import org.neurosweep.trajectory.RunFunction;
import org.neurosweep.trajectory.Trajectory;

/** A runnable sweep: what the {@code neurosweep run SAMPLE} command runs. */
public interface Sample {
    /** The name used on the command line. */
    String name();

    /** One line saying what the sample computes. */
    String description();

    /** A new trajectory with the sample's parameters at their defaults, not yet explored. */
    Trajectory newTrajectory(long seed);

    /** The exploration run when the user gives no grid. */
    Sweep defaultSweep();

    /** The code of one run. */
    RunFunction runFunction();

    /** Whether {@code neurosweep run} writes an HTML report next to the file when the sweep completes. */
    default boolean writesReport() {
        return false;
    }
}
