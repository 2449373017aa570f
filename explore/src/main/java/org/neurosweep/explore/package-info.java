/**
 * Sweeps defined in Java: lists of values, {@code linspace}, {@code arange}, seeded uniform and
 * Latin-hypercube samples, combined as cartesian products (first parameter slowest, as pypet) or zips.
 * Every sweep computes its points on demand: its memory does not grow with its number of points.
 * A sweep is an {@link org.neurosweep.trajectory.Exploration}, given to
 * {@link org.neurosweep.trajectory.Trajectory#explore} or {@link org.neurosweep.trajectory.Trajectory#expand}.
 */
package org.neurosweep.explore;
