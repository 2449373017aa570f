/**
 * Post-processing of finished sweeps: tables of explored parameters and scalar results across runs.
 * Export and plots over stored trajectories come with the storage reader.
 */
package org.neurosweep.postprocess;
