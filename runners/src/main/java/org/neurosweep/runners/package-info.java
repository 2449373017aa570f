/**
 * Runners execute a sweep: every run of a {@link org.neurosweep.trajectory.Trajectory} through a
 * {@link org.neurosweep.trajectory.RunFunction}, handing each finished run to a
 * {@link org.neurosweep.trajectory.ResultSink}. {@link org.neurosweep.runners.Environment} is the entry
 * point (the name pypet users know).
 */
package org.neurosweep.runners;
