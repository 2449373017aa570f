/**
 * One HDF5 file per trajectory. {@link org.neurosweep.storage.Hdf5Sink} writes it incrementally with the
 * real HDF5 library (bytedeco's build, the HDF Group's Java API) from one writer thread;
 * {@link org.neurosweep.storage.TrajectoryReader} reads it lazily with pure-Java jHDF. The layout is the
 * public contract documented in {@code docs/hdf5-layout.md}; {@link org.neurosweep.storage.Layout} names
 * every group, dataset and attribute of it.
 *
 * <p>This module implements {@link org.neurosweep.trajectory.ResultSink} and never sees the runners.
 */
package org.neurosweep.storage;
