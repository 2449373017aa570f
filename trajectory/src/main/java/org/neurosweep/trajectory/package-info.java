/**
 * The data model of a sweep: a named {@link org.neurosweep.trajectory.Trajectory} holding a tree of
 * configuration, parameters, derived parameters and results, with natural naming, the {@code $} and
 * {@code $set} run wildcards, parameter locking, and the contracts between user code and the runners
 * ({@link org.neurosweep.trajectory.RunFunction}, {@link org.neurosweep.trajectory.RunContext}) and
 * between the runners and storage ({@link org.neurosweep.trajectory.ResultSink}).
 *
 * <p>This module imports nothing else of neurosweep.
 */
package org.neurosweep.trajectory;
