/**
 * One HDF5 file per trajectory (issue #3): written with the real HDF5 library, read with jHDF.
 * Implements {@link org.neurosweep.trajectory.ResultSink}; never sees the runners.
 */
package org.neurosweep.storage;
