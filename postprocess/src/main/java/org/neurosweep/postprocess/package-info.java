/**
 * Post-processing of finished sweeps: tables of explored parameters and scalar results across runs,
 * and the failed runs with their errors ({@link org.neurosweep.postprocess.FailedRuns}).
 * Export and plots over stored trajectories come with the storage reader.
 */
package org.neurosweep.postprocess;
